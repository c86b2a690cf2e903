namespace PaymentFunctions.Durable;

/// <summary>An instance with the requested id exists in one of the start request's dedupe statuses.</summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception for the instance id.</summary>
    public OrchestrationAlreadyExistsException(string instanceId, string status)
        : base($"An orchestration with instance id '{instanceId}' already exists with status {status}.")
    {
        this.InstanceId = instanceId;
    }

    /// <summary>The instance id that is taken.</summary>
    public string InstanceId { get; }
}
