using PaymentFunctions.Banking.Amounts;

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>
/// Moves MXNB on chain for the Juno simulator's withdrawals. The default only records transfers; plug in one backed
/// by the local chain (anvil + test token) to have withdrawals deliver real tokens.
/// </summary>
public interface IChainTransfer
{
    /// <summary>Sends <paramref name="amount"/> from the simulator's hot wallet to <paramref name="toAddress"/>.</summary>
    /// <returns>The transaction hash.</returns>
    Task<string> TransferAsync(string toAddress, MxnbAmount amount, CancellationToken cancellationToken);
}
