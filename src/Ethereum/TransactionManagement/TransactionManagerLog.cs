using Microsoft.Extensions.Logging;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>Log messages of the transaction manager; senders appear masked, never keys or raw bytes.</summary>
internal static partial class TransactionManagerLog
{
    [LoggerMessage(1, LogLevel.Information, "Intent {IntentId}: stored nonce {Nonce} from {From} as {Hash}")]
    public static partial void Persisted(ILogger logger, string intentId, string nonce, string from, string hash);

    [LoggerMessage(2, LogLevel.Debug, "Intent {IntentId}: sent attempt {Attempt} {Hash}")]
    public static partial void Sent(ILogger logger, string intentId, int attempt, string hash);

    [LoggerMessage(3, LogLevel.Debug, "Intent {IntentId}: the node answered {Kind} for {Hash}; continuing")]
    public static partial void SendTolerated(ILogger logger, string intentId, string kind, string hash);

    [LoggerMessage(4, LogLevel.Warning, "Intent {IntentId}: not mined after {Timeout}; replaced {OldHash} with {NewHash} (max fee {MaxFee}, tip {Tip})")]
    public static partial void Replaced(ILogger logger, string intentId, TimeSpan timeout, string oldHash, string newHash, string maxFee, string tip);

    [LoggerMessage(5, LogLevel.Warning, "Intent {IntentId}: cannot raise fees within the cap {Cap}; re-sending {Hash} unchanged")]
    public static partial void CapReached(ILogger logger, string intentId, string cap, string hash);

    [LoggerMessage(6, LogLevel.Information, "Intent {IntentId}: {Hash} mined in block {Block} and confirmed at {Head}; succeeded: {Succeeded}")]
    public static partial void Confirmed(ILogger logger, string intentId, string hash, string block, string head, bool succeeded);

    [LoggerMessage(7, LogLevel.Warning, "Intent {IntentId}: reverted: {Reason}")]
    public static partial void Reverted(ILogger logger, string intentId, string reason);

    [LoggerMessage(8, LogLevel.Information, "Intent {IntentId}: already stored; resuming {Hash} ({Status})")]
    public static partial void Resuming(ILogger logger, string intentId, string hash, TransactionStatus status);

    [LoggerMessage(9, LogLevel.Warning, "Intent {IntentId}: receipt {Hash} disappeared (reorganization?); waiting again")]
    public static partial void ReceiptLost(ILogger logger, string intentId, string hash);
}
