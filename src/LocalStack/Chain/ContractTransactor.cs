using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum;
using PaymentFunctions.Ethereum.Signers;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// Sends one contract transaction at a time and waits for its receipt: nonce from the node's pending count,
/// gas from <c>eth_estimateGas</c> plus headroom, EIP-1559 fees from the next base fee. Enough for deploying
/// and driving contracts on a local chain; production sends go through the transaction manager instead
/// (persisted intents, replacement, confirmations).
/// </summary>
public sealed class ContractTransactor
{
    private readonly EthereumRpcClient _rpc;
    private readonly long _chainId;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a transactor for one chain.</summary>
    public ContractTransactor(EthereumRpcClient rpc, long chainId)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
        _chainId = chainId;
    }

    /// <summary>Calls <paramref name="function"/> on <paramref name="contract"/> in a transaction signed by <paramref name="signer"/>.</summary>
    /// <exception cref="ContractRevertedException">The call would revert (found while estimating gas, before anything is sent).</exception>
    /// <exception cref="InvalidOperationException">The transaction was mined but failed.</exception>
    public Task<TransactionReceipt> SendAsync(IEthExternalSigner signer, Address contract, AbiFunction function, IReadOnlyList<object?> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        return SendAsync(signer, contract, function.EncodeCall([.. arguments]), BigInteger.Zero, cancellationToken);
    }

    /// <summary>Sends a transaction (<paramref name="to"/> null deploys <paramref name="data"/>) and waits until it is mined.</summary>
    /// <exception cref="ContractRevertedException">The call would revert.</exception>
    /// <exception cref="InvalidOperationException">The transaction was mined but failed.</exception>
    public async Task<TransactionReceipt> SendAsync(IEthExternalSigner signer, Address? to, ReadOnlyMemory<byte> data, BigInteger value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Address from = await signer.GetAddressAsync(cancellationToken).ConfigureAwait(false);

        // One send at a time so nonces read from the node never collide.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            BigInteger gas = await _rpc.EstimateGasAsync(new CallRequest { From = from, To = to, Data = data, Value = value }, cancellationToken).ConfigureAwait(false);
            BigInteger nonce = await _rpc.GetTransactionCountAsync(from, BlockParameter.Pending, cancellationToken).ConfigureAwait(false);
            BigInteger tip = await _rpc.GetMaxPriorityFeePerGasAsync(cancellationToken).ConfigureAwait(false);
            FeeHistory history = await _rpc.GetFeeHistoryAsync(1, BlockParameter.Latest, cancellationToken: cancellationToken).ConfigureAwait(false);

            var transaction = new Transaction1559(
                _chainId, nonce, tip, (2 * history.NextBaseFee) + tip, gas * 12 / 10, to?.ToLowerHex(), value, Hex.Encode(data.Span), []);
            SignedEip1559Transaction signed = await signer.SignEip1559Async(transaction, from, cancellationToken).ConfigureAwait(false);
            string hash = await _rpc.SendRawTransactionAsync(signed.Raw, cancellationToken).ConfigureAwait(false);
            TransactionReceipt receipt = await _rpc.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            if (!receipt.Succeeded)
            {
                throw new InvalidOperationException($"Transaction {hash} from {from} failed on chain.");
            }

            return receipt;
        }
        finally
        {
            _gate.Release();
        }
    }
}
