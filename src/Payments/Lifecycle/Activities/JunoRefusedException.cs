using PaymentFunctions.Banking.Juno;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Juno refused a money-moving request for good (a 4xx other than 429): the lifecycle compensates. A Juno outage
/// (5xx, 429, no answer) is not this: the step is held and retried under the same key, since Juno may have acted.
/// </summary>
public sealed class JunoRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JunoRefusedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public JunoRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JunoRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Runs a money-moving Juno call, turning a final refusal into <see cref="JunoRefusedException"/>.</summary>
    internal static async Task<T> OnRefusalAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (JunoApiException ex) when (!ex.IsTransient)
        {
            throw new JunoRefusedException(ex.Message, ex);
        }
    }
}
