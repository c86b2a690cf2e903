using System.Net;

namespace PaymentFunctions.Banking.Juno;

/// <summary>A Juno call failed: Juno answered with an error, or with something that is not its JSON envelope.</summary>
/// <remarks>
/// <see cref="IsTransient"/> says whether the same request may succeed later (5xx, 429); the client has already
/// retried those, so a caller that still sees one should back off at its own level (a durable retry).
/// </remarks>
public sealed class JunoApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JunoApiException(HttpStatusCode statusCode, string? code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    /// <summary>Creates the exception with no details.</summary>
    public JunoApiException()
        : this(0, null, "Juno request failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JunoApiException(string message)
        : this(0, null, message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public JunoApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status Juno answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Juno's error code from the envelope, if any.</summary>
    public string? Code { get; }

    /// <summary>True for server errors and rate limiting, which may succeed when retried.</summary>
    public bool IsTransient => (int)StatusCode >= 500 || StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>True when the resource does not exist.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
