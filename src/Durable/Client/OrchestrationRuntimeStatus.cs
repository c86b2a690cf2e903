namespace PaymentFunctions.Durable.Client;

/// <summary>The runtime status of an orchestration instance.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Started and not finished.</summary>
    Running = 0,

    /// <summary>Finished with an output.</summary>
    Completed = 1,

    /// <summary>Restarted itself with a fresh history; transient.</summary>
    ContinuedAsNew = 2,

    /// <summary>Finished with an unhandled failure.</summary>
    Failed = 3,

    /// <summary>Cancelled; kept for compatibility with Durable Functions.</summary>
    Canceled = 4,

    /// <summary>Stopped by a terminate request.</summary>
    Terminated = 5,

    /// <summary>Created, not yet started (or scheduled to start later).</summary>
    Pending = 6,

    /// <summary>Suspended: events are kept but not processed until resumed.</summary>
    Suspended = 7,
}
