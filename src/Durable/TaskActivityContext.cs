namespace PaymentFunctions.Durable;

/// <summary>What an activity knows about the step it runs for.</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The instance id of the orchestration that scheduled it.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The sequence id of this step's first attempt; retries and redeliveries keep it.</summary>
    public abstract int TaskId { get; }

    /// <summary>
    /// A key that is the same for every attempt and redelivery of this step and different for every other step:
    /// <c>{instanceId}:{taskId}</c> (with <c>:g{n}</c> before the task id after the n-th continue-as-new). Send it
    /// with every external call that moves money.
    /// </summary>
    public abstract string IdempotencyKey { get; }
}
