namespace PaymentFunctions.Durable;

/// <summary>
/// A failure as it crosses a durable boundary: exceptions cannot be stored, so their type, message and stack
/// are kept as text, with the inner failure chained.
/// </summary>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Captures an exception and its inner exceptions.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            // A task failure re-thrown by an orchestrator keeps the activity's own failure as its inner one.
            TaskFailedException failed => new(
                exception.GetType().FullName!, exception.Message, exception.StackTrace, failed.FailureDetails),
            _ => new(
                exception.GetType().FullName!,
                exception.Message,
                exception.StackTrace,
                exception.InnerException is { } inner ? FromException(inner) : null),
        };
    }

    /// <summary>Whether this failure, or one of its inner failures, was caused by an exception of type <typeparamref name="T"/>.</summary>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        for (TaskFailureDetails? current = this; current is not null; current = current.InnerFailure)
        {
            var type = Type.GetType(current.ErrorType, throwOnError: false)
                ?? AppDomain.CurrentDomain.GetAssemblies()
                    .Select(a => a.GetType(current.ErrorType, throwOnError: false))
                    .FirstOrDefault(t => t is not null);
            if (type is not null && typeof(T).IsAssignableFrom(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{this.ErrorType}: {this.ErrorMessage}";
}
