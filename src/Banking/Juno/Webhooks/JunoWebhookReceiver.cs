using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Banking.Juno.Webhooks;

/// <summary>
/// Turns Juno TRANSACTION webhook deliveries into at most one action per transaction.
/// </summary>
/// <remarks>
/// Juno documents no webhook signature and says deliveries may arrive late, twice or out of order. So the receiver
/// (1) accepts only requests that present the configured shared secret (constant-time compare), (2) takes nothing
/// from the body but the transaction id, (3) re-reads the transaction from the API, and (4) hands out a final
/// (COMPLETE or FAILED) transaction once; earlier, later and repeated deliveries are reported as such.
/// Host it behind any HTTP endpoint and answer 2xx when <see cref="JunoWebhookResult.Acknowledge"/> is true.
/// </remarks>
public sealed partial class JunoWebhookReceiver
{
    private readonly byte[] _secretHash;
    private readonly IJunoClient _client;
    private readonly IProcessedTransactionStore _processed;
    private readonly ILogger _logger;

    /// <summary>Creates a receiver.</summary>
    public JunoWebhookReceiver(
        JunoWebhookReceiverOptions options,
        IJunoClient client,
        IProcessedTransactionStore? processed = null,
        ILogger<JunoWebhookReceiver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        if (options.SharedSecret.Length < 16)
        {
            throw new ArgumentException("The webhook shared secret must be at least 16 characters.", nameof(options));
        }

        _secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.SharedSecret));
        _client = client;
        _processed = processed ?? new InMemoryProcessedTransactionStore();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Handles one delivery.</summary>
    /// <param name="presentedSecret">The secret the request carried (URL segment or header), or null.</param>
    /// <param name="body">The raw request body.</param>
    /// <param name="cancellationToken">Cancels the API re-read.</param>
    public async Task<JunoWebhookResult> ReceiveAsync(string? presentedSecret, string body, CancellationToken cancellationToken = default)
    {
        if (!SecretMatches(presentedSecret))
        {
            LogRejected(_logger);
            return new JunoWebhookResult(JunoWebhookOutcome.Rejected);
        }

        var transactionId = ReadTransactionId(body);
        if (transactionId is null)
        {
            return new JunoWebhookResult(JunoWebhookOutcome.Malformed);
        }

        JunoTransaction transaction;
        try
        {
            transaction = await _client.GetTransactionAsync(transactionId, cancellationToken).ConfigureAwait(false);
        }
        catch (JunoApiException ex) when (ex.IsNotFound)
        {
            LogUnknown(_logger, transactionId);
            return new JunoWebhookResult(JunoWebhookOutcome.UnknownTransaction);
        }

        if (!transaction.SummaryStatus.IsFinal())
        {
            return new JunoWebhookResult(JunoWebhookOutcome.NotFinal, transaction);
        }

        if (!await _processed.TryMarkProcessedAsync(transaction.Id, cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(_logger, transaction.Id);
            return new JunoWebhookResult(JunoWebhookOutcome.Duplicate, transaction);
        }

        LogAccepted(_logger, transaction.Id, transaction.TransactionType, transaction.SummaryStatus);
        return new JunoWebhookResult(JunoWebhookOutcome.Accepted, transaction);
    }

    private bool SecretMatches(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal-length inputs, so the comparison time says nothing about the secret's length.
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(presentedHash, _secretHash);
    }

    private static string? ReadTransactionId(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var source = root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload : root;
            foreach (var name in (string[])["id", "transaction_id"])
            {
                if (source.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String && IsPlausibleId(id.GetString()))
                {
                    return id.GetString();
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: an escaped unpaired surrogate, which is JSON but not a string .NET can hold.
            return null;
        }
    }

    // The id goes into a URL path; keep it to the UUID-like characters Juno uses.
    private static bool IsPlausibleId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Juno webhook refused: wrong or missing secret")]
    private static partial void LogRejected(ILogger logger);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Juno webhook for unknown transaction {TransactionId}")]
    private static partial void LogUnknown(ILogger logger, string transactionId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Juno webhook duplicate for transaction {TransactionId}")]
    private static partial void LogDuplicate(ILogger logger, string transactionId);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Juno transaction {TransactionId} ({Type}) is final: {Status}")]
    private static partial void LogAccepted(ILogger logger, string transactionId, JunoTransactionType type, JunoTransactionStatus status);
}
