namespace PaymentFunctions.Durable;

/// <summary>How a task is retried: a declarative <see cref="RetryPolicy"/>.</summary>
public sealed record TaskRetryOptions(RetryPolicy Policy)
{
    /// <summary>Wraps a policy.</summary>
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => new(policy);
}
