namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Juno's response wrapper: <c>{"success":true,"payload":…}</c> or <c>{"success":false,"error":{…}}</c>.</summary>
public sealed record JunoEnvelope<T>
{
    /// <summary>Whether the call succeeded.</summary>
    public bool Success { get; init; }

    /// <summary>The result when <see cref="Success"/> is true.</summary>
    public T? Payload { get; init; }

    /// <summary>The error when <see cref="Success"/> is false.</summary>
    public JunoError? Error { get; init; }
}
