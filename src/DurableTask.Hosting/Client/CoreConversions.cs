using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.DurableTask.Hosting.Client;

/// <summary>Maps between DTFx's client types and the Microsoft.DurableTask client's.</summary>
internal static class CoreConversions
{
    /// <summary>The instance statuses a start refuses by default: an instance under that id is still going.</summary>
    public static readonly OrchestrationStatus[] UnfinishedStatuses =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended];

    /// <summary>The statuses a purge takes when the filter names none: only instances that are over.</summary>
    public static readonly OrchestrationStatus[] FinishedStatuses =
        [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled];

    // The two enums share their numbers (Running 0 … Suspended 7); the casts rely on it, and a test pins it.
    public static OrchestrationRuntimeStatus ToRuntimeStatus(this OrchestrationStatus status) => (OrchestrationRuntimeStatus)(int)status;

    public static OrchestrationStatus ToCore(this OrchestrationRuntimeStatus status) => (OrchestrationStatus)(int)status;

    public static bool IsFinished(this OrchestrationStatus status) => Array.IndexOf(FinishedStatuses, status) >= 0;

    public static TaskFailureDetails? ToTaskFailureDetails(this FailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure.ToTaskFailureDetails(), null);

    public static OrchestrationStatus[] ParseDedupeStatuses(IReadOnlyList<string>? statuses)
    {
        if (statuses is null)
        {
            return UnfinishedStatuses;
        }

        return [.. statuses.Select(s => Enum.TryParse<OrchestrationRuntimeStatus>(s, ignoreCase: true, out var status)
            ? status.ToCore()
            : throw new ArgumentException($"'{s}' is not an orchestration runtime status.", nameof(statuses)))];
    }

    public static OrchestrationMetadata ToMetadata(this OrchestrationState state, DataConverter converter, bool withPayloads) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            RuntimeStatus = state.OrchestrationStatus.ToRuntimeStatus(),
            CreatedAt = AsUtc(state.CreatedTime),
            LastUpdatedAt = AsUtc(state.LastUpdatedTime),
            SerializedInput = withPayloads ? state.Input : null,
            SerializedOutput = withPayloads ? state.Output : null,
            SerializedCustomStatus = withPayloads ? state.Status : null,
            FailureDetails = state.FailureDetails.ToTaskFailureDetails(),
            Tags = state.Tags is { } tags ? new Dictionary<string, string>(tags) : new Dictionary<string, string>(),
            DataConverter = converter,
        };

    private static DateTimeOffset AsUtc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
