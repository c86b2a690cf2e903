using Microsoft.DurableTask;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

/// <summary>The orchestrators and activities the conformance suite runs on every backend.</summary>
public static class ConformanceTasks
{
    public static void Register(DurableTaskRegistry tasks)
    {
        tasks.AddActivity<ScopedProbeActivity>();
        tasks.AddActivityFunc<string, string>("Hello", (_, name) => $"Hello, {name}!");
        tasks.AddActivityFunc<string, string>("Echo", (_, text) => text);
        tasks.AddActivityFunc<int, int>("Square", (_, n) => n * n);
        tasks.AddActivityFunc<string, int>("FailTwice", FailTwice);
        tasks.AddActivityFunc<string, string>("FailOnce", FailOnce);
        tasks.AddActivityFunc<string, string>("AlwaysFail", AlwaysFail);

        tasks.AddOrchestratorFunc<string, string>("HelloSequence", async (context, name) =>
        {
            var a = await context.CallActivityAsync<string>("Hello", name + " 1");
            var b = await context.CallActivityAsync<string>("Hello", name + " 2");
            var c = await context.CallActivityAsync<string>("Hello", name + " 3");
            return string.Join(" ", a, b, c);
        });

        tasks.AddOrchestratorFunc<string, int>("RetryWithBackoff", (context, key) =>
            context.CallActivityAsync<int>("FailTwice", key, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1)))));

        tasks.AddOrchestratorFunc<string, string>("RetriesExhausted", async (context, why) =>
        {
            try
            {
                await context.CallActivityAsync<string>("AlwaysFail", why, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(200))));
                return "no failure";
            }
            catch (TaskFailedException e)
            {
                return $"{e.FailureDetails.ErrorType}: {e.FailureDetails.ErrorMessage}";
            }
        });

        tasks.AddOrchestratorFunc<int, DateTime[]>("Timer", async (context, seconds) =>
        {
            var fireAt = context.CurrentUtcDateTime.AddSeconds(seconds);
            await context.CreateTimer(fireAt, CancellationToken.None);
            return [fireAt, context.CurrentUtcDateTime];
        });

        tasks.AddOrchestratorFunc<string?, string>("AwaitApproval", (context, _) => context.WaitForExternalEvent<string>("Approval"));

        tasks.AddOrchestratorFunc<string?, string>("AwaitAfterTimer", async (context, _) =>
        {
            // The event is raised while the timer runs, so it is buffered before the wait starts.
            await context.CreateTimer(TimeSpan.FromSeconds(2), CancellationToken.None);
            return await context.WaitForExternalEvent<string>("Approval");
        });

        tasks.AddOrchestratorFunc<int, string>("RaceEventAndTimer", async (context, seconds) =>
        {
            using var cancel = new CancellationTokenSource();
            var approval = context.WaitForExternalEvent<string>("Approval", cancel.Token);
            var deadline = context.CreateTimer(TimeSpan.FromSeconds(seconds), cancel.Token);
            var winner = await Task.WhenAny(approval, deadline);
            cancel.Cancel();
            return winner == approval ? "event: " + approval.Result : "timeout";
        });

        tasks.AddOrchestratorFunc<int, int>("FanOutFanIn", async (context, count) =>
        {
            var squares = await Task.WhenAll(Enumerable.Range(1, count).Select(n => context.CallActivityAsync<int>("Square", n)));
            return squares.Sum();
        });

        tasks.AddOrchestratorFunc<string, string>("Parent", async (context, name) =>
            await context.CallSubOrchestratorAsync<string>("Child", name, new SubOrchestrationOptions { InstanceId = context.InstanceId + ":child" }));

        tasks.AddOrchestratorFunc<string, string>("Child", (context, name) =>
            Task.FromResult($"{name} from {context.InstanceId}, parent {context.Parent?.InstanceId} ({context.Parent?.Name})"));

        tasks.AddOrchestratorFunc<string, string>("ParentOfFailure", async (context, why) =>
        {
            try
            {
                await context.CallSubOrchestratorAsync<string>("FailingChild", why);
                return "no failure";
            }
            catch (TaskFailedException e)
            {
                return $"child failed: {e.FailureDetails.ErrorMessage}";
            }
        });

        tasks.AddOrchestratorFunc<string, string>("FailingChild", (context, why) => context.CallActivityAsync<string>("AlwaysFail", why));

        tasks.AddOrchestratorFunc<string?, string>("ParentOfWaiter", async (context, _) =>
            await context.CallSubOrchestratorAsync<string>("AwaitApproval", null, new SubOrchestrationOptions { InstanceId = context.InstanceId + ":waiter" }));

        tasks.AddOrchestratorFunc<int, int>("CountTo", (context, n) =>
        {
            if (n < 5)
            {
                context.ContinueAsNew(n + 1);
            }

            return Task.FromResult(n);
        });

        tasks.AddOrchestratorFunc<int, int>("SumEvents", async (context, total) =>
        {
            var value = await context.WaitForExternalEvent<int>("Add");
            if (value == 0)
            {
                return total;
            }

            context.ContinueAsNew(total + value, preserveUnprocessedEvents: true);
            return total;
        });

        tasks.AddOrchestratorFunc<ExtraEvents, string>("ContinueWithExtra", async (context, input) =>
        {
            if (input.Generation == 0)
            {
                // Both events arrive during the timer; the first generation takes "Go" and continues as new, and
                // preserveUnprocessedEvents decides whether the unconsumed "Extra" reaches the next one.
                await context.CreateTimer(TimeSpan.FromSeconds(3), CancellationToken.None);
                await context.WaitForExternalEvent<string>("Go");
                context.ContinueAsNew(input with { Generation = 1 }, preserveUnprocessedEvents: input.Preserve);
                return "first generation";
            }

            try
            {
                return "kept: " + await context.WaitForExternalEvent<string>("Extra", TimeSpan.FromSeconds(3));
            }
            catch (TaskCanceledException)
            {
                return "dropped";
            }
        });

        tasks.AddOrchestratorFunc<string, string>("WithCustomStatus", async (context, status) =>
        {
            context.SetCustomStatus(new { stage = status });
            return await context.WaitForExternalEvent<string>("Approval");
        });

        tasks.AddOrchestratorFunc<string, string>("RewindMe", (context, key) => context.CallActivityAsync<string>("FailOnce", key));

        tasks.AddOrchestratorFunc<string, string>("EchoLarge", (context, text) => context.CallActivityAsync<string>("Echo", text));

        tasks.AddOrchestratorFunc<string?, Guid[]>("ScopedActivities", async (context, _) =>
        [
            await context.CallActivityAsync<Guid>(nameof(ScopedProbeActivity), "a"),
            await context.CallActivityAsync<Guid>(nameof(ScopedProbeActivity), "b"),
        ]);

        tasks.AddOrchestratorFunc<string, string>("ChangesOnReplay", async (context, key) =>
        {
            // Deliberately non-deterministic: the first episode schedules Hello, every replay schedules Echo.
            var activity = Attempts.Next(key) == 1 ? "Hello" : "Echo";
            await context.CallActivityAsync<string>(activity, key);
            return "unreachable on replay";
        });
    }

    private static int FailTwice(TaskActivityContext context, string key)
    {
        var attempt = Attempts.Next(key);
        return attempt <= 2 ? throw new InvalidOperationException($"attempt {attempt} of {key} fails") : attempt;
    }

    private static string FailOnce(TaskActivityContext context, string key)
        => Attempts.Next(key) == 1 ? throw new InvalidOperationException("the first call fails") : "recovered";

    private static string AlwaysFail(TaskActivityContext context, string why) => throw new InvalidOperationException(why);
}
