using Azure;

namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// Key Vault refused a request. Carries the HTTP status and Key Vault's own error code and message
/// (<c>{"error":{"code","message"}}</c>) so callers can tell a missing key from a bad request or an auth failure.
/// </summary>
public sealed class KeyVaultRequestFailedException : RequestFailedException
{
    /// <summary>Creates the exception from a status and Key Vault's error body.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="errorCode">Key Vault's error code, e.g. <c>KeyNotFound</c>; null when the body had none.</param>
    /// <param name="serviceMessage">Key Vault's error message; null when the body had none.</param>
    public KeyVaultRequestFailedException(int status, string? errorCode, string? serviceMessage)
        : base(status, FormatMessage(status, errorCode, serviceMessage), errorCode, innerException: null)
    {
        ServiceMessage = serviceMessage;
    }

    /// <summary>Key Vault's error message exactly as the service returned it.</summary>
    public string? ServiceMessage { get; }

    private static string FormatMessage(int status, string? errorCode, string? serviceMessage) =>
        $"Key Vault returned {status}{(errorCode is null ? string.Empty : $" ({errorCode})")}: {serviceMessage ?? "no error details"}";
}
