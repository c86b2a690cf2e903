using DurableTask.Core;
using DurableTask.Core.History;
using Newtonsoft.Json;
using PaymentFunctions.DurableTask.Hosting.Client;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Client;

public sealed class HistorySerializerTests
{
    [Theory]
    [InlineData(TypeNameHandling.None)]
    [InlineData(TypeNameHandling.Objects)]
    public void History_written_with_or_without_type_names_reads_back_as_dtfx_events(TypeNameHandling typeNames)
    {
        var instance = new OrchestrationInstance { InstanceId = "payment-1", ExecutionId = "e1" };
        HistoryEvent[] history =
        [
            new OrchestratorStartedEvent(-1),
            new ExecutionStartedEvent(-1, "\"input\"") { Name = "PaymentLifecycle", OrchestrationInstance = instance },
            new TaskScheduledEvent(0) { Name = "Withdraw", Input = "1500.00" },
            new TimerCreatedEvent(1) { FireAt = new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc) },
            new EventRaisedEvent(-1, "{}") { Name = "DepositMatched" },
            new TaskFailedEvent(-1, 0, null, null, new FailureDetails("Juno", "refused", null, null, true)),
            new SubOrchestrationInstanceCreatedEvent(2) { InstanceId = "child", Name = "Refund" },
            new GenericEvent(-1, "rewind"),
            new ExecutionRewoundEvent(-1, "the bank is back"),
            new ExecutionCompletedEvent(-1, "\"done\"", OrchestrationStatus.Completed),
        ];
        var json = JsonConvert.SerializeObject(history, new JsonSerializerSettings { TypeNameHandling = typeNames });

        var read = HistorySerializer.Deserialize(json);

        Assert.Equal(history.Select(e => e.GetType()), read.Select(e => e.GetType()));
        Assert.Equal("Withdraw", ((TaskScheduledEvent)read[2]).Name);
        Assert.Equal(DateTimeKind.Utc, ((TimerCreatedEvent)read[3]).FireAt.Kind);
        Assert.Equal("refused", ((TaskFailedEvent)read[5]).FailureDetails!.ErrorMessage);
        Assert.Equal("child", ((SubOrchestrationInstanceCreatedEvent)read[6]).InstanceId);
        Assert.Equal("the bank is back", ((ExecutionRewoundEvent)read[8]).Reason);
        Assert.Equal(OrchestrationStatus.Completed, ((ExecutionCompletedEvent)read[9]).OrchestrationStatus);
    }

    [Fact]
    public void No_history_reads_as_an_empty_list()
    {
        Assert.Empty(HistorySerializer.Deserialize(null));
        Assert.Empty(HistorySerializer.Deserialize("[]"));
    }
}
