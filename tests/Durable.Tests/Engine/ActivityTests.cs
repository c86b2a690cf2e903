using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class ActivityTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Hello_sequence_passes_typed_inputs_and_outputs_through_three_activities()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<string, string[]>("HelloSequence", async (context, name) =>
            [
                await context.CallActivityAsync<string>("SayHello", $"{name} Tokyo"),
                await context.CallActivityAsync<string>("SayHello", $"{name} Seattle"),
                await context.CallActivityAsync<string>("SayHello", $"{name} London"),
            ])
            .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello, {city}!"));

        var result = await host.RunAsync("HelloSequence", "from");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["Hello, from Tokyo!", "Hello, from Seattle!", "Hello, from London!"], result.ReadOutputAs<string[]>()!);
        Assert.Equal("\"from\"", result.SerializedInput);
    }

    [Fact]
    public async Task Activity_records_round_trip_as_typed_values()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<Quote, Quote>("Reprice", (context, quote) => context.CallActivityAsync<Quote>("Double", quote))
            .AddActivityFunc<Quote, Quote>("Double", (_, quote) => quote with { Amount = quote.Amount * 2 }));

        var result = await host.RunAsync("Reprice", new Quote("MXN", 10.25m));

        Assert.Equal(new Quote("MXN", 20.50m), result.ReadOutputAs<Quote>());
    }

    [Fact]
    public async Task Activity_failure_surfaces_as_task_failed_exception_with_type_message_stack_and_inner_failure()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, TaskFailureDetails>("Catch", async (context, _) =>
            {
                try
                {
                    await context.CallActivityAsync("Explode");
                    throw new InvalidOperationException("unreachable");
                }
                catch (TaskFailedException ex)
                {
                    return ex.TaskName == "Explode" ? ex.FailureDetails : throw new InvalidOperationException("wrong task name");
                }
            })
            .AddActivityFunc<object?, object?>("Explode", (_, _) =>
                throw new InvalidOperationException("outer", new FormatException("inner"))));

        var details = (await host.RunAsync("Catch")).ReadOutputAs<TaskFailureDetails>()!;

        Assert.Equal(typeof(InvalidOperationException).FullName, details.ErrorType);
        Assert.Equal("outer", details.ErrorMessage);
        Assert.Contains(nameof(ActivityTests), details.StackTrace);
        Assert.Equal(typeof(FormatException).FullName, details.InnerFailure?.ErrorType);
        Assert.Equal("inner", details.InnerFailure?.ErrorMessage);
        Assert.True(details.IsCausedBy<InvalidOperationException>());
    }

    [Fact]
    public async Task Unhandled_activity_failure_fails_the_instance_with_the_activity_failure_inside()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("Unhandled", async (context, _) => await context.CallActivityAsync<object?>("Explode"))
            .AddActivityFunc<object?, object?>("Explode", (_, _) => throw new ArgumentException("bad amount")));

        var result = await host.RunAsync("Unhandled");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails?.ErrorType);
        Assert.Equal("bad amount", result.FailureDetails?.InnerFailure?.ErrorMessage);
    }

    [Fact]
    public async Task Class_based_activities_get_constructor_injection()
    {
        await using var host = await this.StartAsync(
            r => r.AddOrchestrator<GreetOrchestrator>().AddActivity<GreetActivity>(),
            services => services.AddSingleton(new Greeting("Hola")));

        var result = await host.RunAsync(nameof(GreetOrchestrator), "Ana");

        Assert.Equal("Hola, Ana", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Calling_an_unregistered_activity_fails_with_a_clear_message()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("CallsMissing", async (context, _) => await context.CallActivityAsync<object?>("Missing")));

        var result = await host.RunAsync("CallsMissing");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("No activity named 'Missing'", result.FailureDetails?.InnerFailure?.ErrorMessage);
    }

    [Fact]
    public async Task Idempotency_key_is_instance_and_step_and_differs_between_steps()
    {
        var keys = new ConcurrentQueue<string>();
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("TwoSteps", async (context, _) =>
            {
                await context.CallActivityAsync("Record");
                await context.CallActivityAsync("Record");
                return null;
            })
            .AddActivityFunc<object?, object?>("Record", (context, _) =>
            {
                keys.Enqueue(context.IdempotencyKey);
                return (object?)null;
            }));

        await host.RunAsync("TwoSteps", options: new StartOrchestrationOptions("payment-42"));

        Assert.Equal(["payment-42:0", "payment-42:1"], keys);
    }

    [Fact]
    public async Task History_records_each_scheduled_activity_and_its_result()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("AddOne", (context, x) => context.CallActivityAsync<int>("Inc", x))
            .AddActivityFunc<int, int>("Inc", (_, x) => x + 1));

        var result = await host.RunAsync("AddOne", 41);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.IsType<OrchestratorStartedEvent>(history[0]);
        Assert.Contains(history, e => e is ExecutionStartedEvent { Name: "AddOne", Input: "41" });
        Assert.Contains(history, e => e is TaskScheduledEvent { Name: "Inc", EventId: 0 });
        Assert.Contains(history, e => e is TaskCompletedEvent { TaskScheduledId: 0, Result: "42" });
        Assert.IsType<OrchestratorCompletedEvent>(history[^1]);
        Assert.Contains(history, e => e is ExecutionCompletedEvent { Result: "42" });
    }

    public sealed record Quote(string Currency, decimal Amount);

    public sealed record Greeting(string Word);

    public sealed class GreetOrchestrator : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input)
            => context.CallActivityAsync<string>(nameof(GreetActivity), input);
    }

    public sealed class GreetActivity(Greeting greeting) : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"{greeting.Word}, {input}");
    }
}
