namespace PaymentFunctions.Durable;

/// <summary>
/// Base class for class-based activities. Activities do the I/O; they run at least once, so anything they change
/// outside the engine must be idempotent (see <see cref="TaskActivityContext.IdempotencyKey"/>).
/// Activities are created per call through dependency injection.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc />
    Type ITaskActivity.InputType => typeof(TInput);

    /// <summary>The activity logic.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    /// <inheritdoc />
    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input)
        => await this.RunAsync(context, (TInput)input!);
}
