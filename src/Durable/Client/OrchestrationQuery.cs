namespace PaymentFunctions.Durable.Client;

/// <summary>A filter over instances, paged by continuation token; results come ordered by creation time.</summary>
public sealed record OrchestrationQuery
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Only instances created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only instances created before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Only instances in these statuses.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Only instances whose id starts with this prefix.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Instances per page.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Whether inputs, outputs and custom status are returned.</summary>
    public bool FetchInputsAndOutputs { get; init; }

    /// <summary>Where the previous page ended; null for the first page.</summary>
    public string? ContinuationToken { get; init; }
}
