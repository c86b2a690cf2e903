using Microsoft.DurableTask;

namespace PaymentFunctions.App.Samples;

/// <summary>
/// Small orchestrations to try the starters and the management API by hand (the payment orchestrations come
/// with the Payments project): a chain, a wait for an external event, and a failure to rewind.
/// </summary>
public static class SampleOrchestrations
{
    /// <summary>Calls <c>SayHello</c> for three cities in sequence.</summary>
    public const string HelloSequence = "HelloSequence";

    /// <summary>Greets a <see cref="HelloRequest"/>'s name from each of its cities, in parallel.</summary>
    public const string HelloCities = "HelloCities";

    /// <summary>Waits for the <c>Approval</c> event (up to a day) and returns its payload.</summary>
    public const string AwaitApproval = "AwaitApproval";

    /// <summary>The event <see cref="AwaitApproval"/> waits for.</summary>
    public const string ApprovalEvent = "Approval";

    /// <summary>
    /// Fails in its activity unless the input is <c>"succeed"</c>; for trying failure, rewind and restart. With
    /// <c>"fail-once"</c> only the first attempt in this process fails, so a rewind completes it.
    /// </summary>
    public const string FailingStep = "FailingStep";

    /// <summary>
    /// Runs <see cref="HelloSequence"/> as a sub-orchestration <c>{instanceId}-child</c> (with the input <c>"wait"</c>,
    /// <see cref="AwaitApproval"/>); for following parent and child links.
    /// </summary>
    public const string HelloParent = "HelloParent";

    /// <summary>Registers the samples and their activities.</summary>
    public static DurableTaskRegistry AddSamples(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestratorFunc<string?, string[]>(HelloSequence, async (context, name) =>
            [
                await context.CallActivityAsync<string>("SayHello", $"{name ?? "world"} from Tokyo"),
                await context.CallActivityAsync<string>("SayHello", $"{name ?? "world"} from Seattle"),
                await context.CallActivityAsync<string>("SayHello", $"{name ?? "world"} from London"),
            ])
            .AddActivityFunc<string, string>("SayHello", (_, text) => $"Hello, {text}!")
            .AddOrchestratorFunc<HelloRequest, string[]>(HelloCities, (context, request) =>
                Task.WhenAll(request.Cities.Select(city => context.CallActivityAsync<string>("SayHello", $"{request.Name} from {city}"))))
            .AddOrchestratorFunc<object?, System.Text.Json.JsonElement>(AwaitApproval, async (context, _) =>
            {
                context.SetCustomStatus("waiting for approval");
                return await context.WaitForExternalEvent<System.Text.Json.JsonElement>(ApprovalEvent, TimeSpan.FromDays(1));
            })
            .AddOrchestratorFunc<string?, System.Text.Json.JsonElement>(HelloParent, (context, name) => context.CallSubOrchestratorAsync<System.Text.Json.JsonElement>(
                name == "wait" ? AwaitApproval : HelloSequence, name, new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}-child" }))
            .AddOrchestratorFunc<string?, string>(FailingStep, (context, mode) => context.CallActivityAsync<string>("MaybeFail", mode))
            .AddActivityFunc<string?, string>("MaybeFail", (context, mode) => mode == "succeed" || (mode == "fail-once" && !FailedOnce.TryAdd(context.InstanceId, true))
                ? "succeeded"
                : throw new InvalidOperationException("The sample step failed as asked."));
    }

    // Instances whose "fail-once" step has failed already; a sample's memory, per process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> FailedOnce = new(StringComparer.Ordinal);
}
