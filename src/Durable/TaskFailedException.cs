namespace PaymentFunctions.Durable;

/// <summary>
/// Thrown into an orchestrator when an activity (or sub-orchestration) it awaited failed. The original exception
/// ran on another machine and is only available as <see cref="FailureDetails"/>.
/// </summary>
public class TaskFailedException : Exception
{
    /// <summary>Creates the exception for the named task and its failure.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}")
    {
        this.TaskName = taskName;
        this.TaskId = taskId;
        this.FailureDetails = failureDetails;
    }

    /// <summary>The name of the activity or orchestrator that failed.</summary>
    public string TaskName { get; }

    /// <summary>The sequence id of the failed action.</summary>
    public int TaskId { get; }

    /// <summary>What the failed task threw.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
