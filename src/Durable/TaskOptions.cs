namespace PaymentFunctions.Durable;

/// <summary>Options for scheduling an activity or sub-orchestration.</summary>
public record TaskOptions(TaskRetryOptions? Retry = null)
{
    /// <summary>Tags recorded with the scheduled task.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The version of the task to run.</summary>
    public string? Version { get; init; }

    /// <summary>Options that retry with the given policy.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));
}
