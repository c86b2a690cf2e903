using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.TransactionManagement;
using PaymentFunctions.KeyVault.Signing;
using PaymentFunctions.Payments.Chain;

namespace PaymentFunctions.Rules.Execution;

/// <summary>
/// Every chain call the rules make, in one place: MXNB balances, the source wallet's nonce, gas estimates for a
/// simulation, transfers through the <see cref="TransactionManager"/> signed by the Key Vault key, and confirmation
/// depth. Amounts cross this class as decimal tokens and become base units only here. A transfer's intent id is
/// <c>{executionId}:transfer:{index}</c>, so a retried or restarted activity picks up the transaction it already sent.
/// </summary>
public sealed class RuleChain(
    EthereumRpcClient rpc,
    TransactionManager transactions,
    [FromKeyedServices(PaymentChainServiceCollectionExtensions.ServiceKey)] KeyVaultSigner source,
    IOptions<PaymentChainOptions> options)
{
    private readonly Address token = Address.Parse(options.Value.TokenAddress);

    public static string IntentId(string executionId, int index) => $"{executionId}:transfer:{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The wallet rules pay from (the Key Vault key's address, lowercase).</summary>
    public async Task<string> SourceAddressAsync(CancellationToken ct) => (await source.GetAddressAsync(ct).ConfigureAwait(false)).ToLowerHex();

    public async Task<decimal> BalanceAsync(string address, CancellationToken ct) =>
        MxnbAmount.FromBaseUnits(await new Erc20(rpc, this.token).BalanceOfAsync(Address.Parse(address), ct).ConfigureAwait(false)).ToTokens();

    /// <summary>The transaction count of <paramref name="address"/>: what a simulation must leave unchanged.</summary>
    public async Task<long> NonceAsync(string address, CancellationToken ct) =>
        (long)await rpc.GetTransactionCountAsync(Address.Parse(address), BlockParameter.Latest, ct).ConfigureAwait(false);

    /// <summary>Asks the chain what the transfers would cost, without signing anything.</summary>
    public async Task<GasEstimate> EstimateAsync(IReadOnlyList<PlannedTransfer> transfers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        var from = await source.GetAddressAsync(ct).ConfigureAwait(false);
        var gas = new List<long>(transfers.Count);
        foreach (var transfer in transfers)
        {
            gas.Add((long)await rpc.EstimateGasAsync(new CallRequest { From = from, To = this.token, Data = Erc20.EncodeTransfer(Address.Parse(transfer.To), BaseUnits(transfer.Amount)) }, ct).ConfigureAwait(false));
        }

        var price = await rpc.GetGasPriceAsync(ct).ConfigureAwait(false);
        return new GasEstimate(gas, price.ToString(CultureInfo.InvariantCulture), (price * gas.Sum()).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Sends (or picks up) one transfer and waits until it has <paramref name="confirmations"/> blocks.</summary>
    /// <exception cref="TransferRevertedException">The transfer reverted: retrying cannot help.</exception>
    public async Task<SentTransfer> SendAsync(string executionId, PlannedTransfer transfer, int confirmations, TimeSpan pollInterval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        TransactionOutcome outcome;
        try
        {
            outcome = await transactions.SendAsync(new TransactionIntent
            {
                IntentId = IntentId(executionId, transfer.Index),
                From = source,
                To = this.token,
                Data = Erc20.EncodeTransfer(Address.Parse(transfer.To), BaseUnits(transfer.Amount)),
            }, ct).ConfigureAwait(false);
        }
        catch (ContractRevertedException ex)
        {
            // Gas estimation replayed the transfer and it reverts: nothing was sent, and a retry would revert again.
            throw new TransferRevertedException($"Transfer {transfer.Index} would revert: {ex.Message}", ex);
        }
        if (!outcome.Succeeded)
        {
            throw new TransferRevertedException($"Transfer {transfer.Index} reverted in {outcome.TransactionHash}: {outcome.Revert?.Message}");
        }

        var block = outcome.Receipt.BlockNumber;
        BigInteger seen;
        while ((seen = await rpc.GetBlockNumberAsync(ct).ConfigureAwait(false) - block + 1) < confirmations)
        {
            await Task.Delay(pollInterval, ct).ConfigureAwait(false);
        }

        return new SentTransfer(
            transfer.Index,
            transfer.To,
            transfer.Amount,
            outcome.TransactionHash,
            (long)block,
            (long)outcome.Receipt.GasUsed,
            outcome.Receipt.EffectiveGasPrice.ToString(CultureInfo.InvariantCulture),
            (long)seen);
    }

    private static BigInteger BaseUnits(decimal tokens) => MxnbAmount.FromTokens(tokens).BaseUnits;
}
