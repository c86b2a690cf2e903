using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PaymentFunctions.Banking.Amounts;

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>Default <see cref="IChainTransfer"/>: records each transfer and returns a made-up, deterministic hash.</summary>
public sealed class RecordingChainTransfer : IChainTransfer
{
    private readonly ConcurrentQueue<(string ToAddress, MxnbAmount Amount, string TxHash)> _transfers = new();
    private int _count;

    /// <summary>Transfers made so far, in order.</summary>
    public IReadOnlyList<(string ToAddress, MxnbAmount Amount, string TxHash)> Transfers => [.. _transfers];

    /// <inheritdoc />
    public Task<string> TransferAsync(string toAddress, MxnbAmount amount, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _count);
        var hash = "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{n}|{toAddress}|{amount.BaseUnits}"))));
        _transfers.Enqueue((toAddress, amount, hash));
        return Task.FromResult(hash);
    }
}
