using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Tests.Replay;

public sealed class ReplayBehaviourTests
{
    private volatile bool codeChanged;

    [Fact]
    public async Task Running_instance_fails_with_non_determinism_when_its_code_changes_under_it()
    {
        await using var host = await TestHost.StartAsync(new InMemoryStoreFactory(), r => r
            .AddOrchestratorFunc<object?, object?>("Changing", async (context, _) =>
            {
                await context.CallActivityAsync(this.codeChanged ? "Charge" : "Reserve");
                await context.WaitForExternalEvent<string>("Go");
                return null;
            })
            .AddActivityFunc<object?, object?>("Reserve", (_, _) => (object?)null)
            .AddActivityFunc<object?, object?>("Charge", (_, _) => (object?)null));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Changing");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        var history = await host.Client.GetOrchestrationHistoryAsync(id);
        while (!history.OfType<History.TaskCompletedEvent>().Any())
        {
            await Task.Delay(10);
            history = await host.Client.GetOrchestrationHistoryAsync(id);
        }

        this.codeChanged = true;
        await host.Client.RaiseEventAsync(id, "Go", "now");
        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails?.ErrorType);
        Assert.Contains("'Reserve'", result.FailureDetails?.ErrorMessage);
        Assert.Contains("'Charge'", result.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public async Task Replay_safe_logger_writes_each_entry_once_across_replays()
    {
        var sink = new ListLoggerProvider();
        await using var host = await TestHost.StartAsync(
            new InMemoryStoreFactory(),
            r => r
                .AddOrchestratorFunc<object?, object?>("Logged", async (context, _) =>
                {
                    var logger = context.CreateReplaySafeLogger("Payments");
                    for (var i = 1; i <= 3; i++)
                    {
                        await context.CallActivityAsync("Step", i);
                        logger.LogInformation("step {Step} done", i);
                    }

                    return null;
                })
                .AddActivityFunc<int, object?>("Step", (_, _) => (object?)null),
            services => services.AddLogging(b => b.AddProvider(sink)));

        await host.RunAsync("Logged");

        Assert.Equal(["step 1 done", "step 2 done", "step 3 done"], sink.Messages.Where(m => m.StartsWith("step", StringComparison.Ordinal)));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> messages = new();

        public IEnumerable<string> Messages => this.messages;

        public ILogger CreateLogger(string categoryName) => new ListLogger(this.messages);

        public void Dispose()
        {
        }

        private sealed class ListLogger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
                => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Enqueue(formatter(state, exception));
        }
    }
}
