namespace PaymentFunctions.Banking.Juno;

/// <summary>Settings for <see cref="JunoClient"/>, bound from configuration (<c>Juno:*</c>).</summary>
/// <remarks>The secret signs every request and must never be logged; <see cref="ToString"/> leaves it out.</remarks>
public sealed class JunoOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Juno";

    /// <summary>API root, e.g. <c>https://stage.buildwithjuno.com/</c> or the local simulator's address.</summary>
    public Uri BaseAddress { get; set; } = new("https://stage.buildwithjuno.com/");

    /// <summary>The API key (public half of the credentials).</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The API secret used as the HMAC key. Never logged.</summary>
    public string ApiSecret { get; set; } = string.Empty;

    /// <summary>How long a single attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt for transient failures (timeouts, 5xx, 429).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound on a single retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Describes the options without the secret.</summary>
    public override string ToString() =>
        $"Juno {BaseAddress} key={ApiKey} secret={(ApiSecret.Length == 0 ? "<none>" : "***")} retries={MaxRetries}";
}
