namespace PaymentFunctions.Durable;

/// <summary>Base class for class-based orchestrators with a typed input and output.</summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc />
    Type ITaskOrchestrator.InputType => typeof(TInput);

    /// <summary>The orchestration logic. Must be deterministic; see <see cref="TaskOrchestrationContext"/>.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    /// <inheritdoc />
    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input)
        => await this.RunAsync(context, (TInput)input!);
}
