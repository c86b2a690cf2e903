using System.Numerics;
using Nethereum.Contracts;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Contracts.Messages;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;

namespace PaymentFunctions.Ethereum.Contracts;

/// <summary>
/// A typed view of an ERC-20 token (MXNB) over Nethereum's typed function messages and event DTOs: reads through
/// <c>eth_call</c>, call data for the state-changing functions (to be signed and sent by the transaction manager),
/// and <c>Transfer</c> event decoding. Reverts are decoded with OpenZeppelin 5's ERC-6093 errors.
/// </summary>
public sealed class Erc20
{
    private readonly EthereumRpcClient _rpc;

    /// <summary>Creates a view of the token at <paramref name="token"/>.</summary>
    public Erc20(EthereumRpcClient rpc, Address token)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
        Token = token;
    }

    /// <summary>The ERC-6093 errors OpenZeppelin 5 tokens revert with.</summary>
    public static IReadOnlyList<AbiError> Errors { get; } =
    [
        AbiError.Parse("error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)"),
        AbiError.Parse("error ERC20InvalidSender(address sender)"),
        AbiError.Parse("error ERC20InvalidReceiver(address receiver)"),
        AbiError.Parse("error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)"),
        AbiError.Parse("error ERC20InvalidApprover(address approver)"),
        AbiError.Parse("error ERC20InvalidSpender(address spender)"),
    ];

    /// <summary>The token contract.</summary>
    public Address Token { get; }

    /// <summary>Call data for <c>transfer(to, value)</c>.</summary>
    public static byte[] EncodeTransfer(Address to, BigInteger value) => new TransferFunction { To = to.ToString(), Value = value }.GetCallData();

    /// <summary>Call data for <c>approve(spender, value)</c>.</summary>
    public static byte[] EncodeApprove(Address spender, BigInteger value) => new ApproveFunction { Spender = spender.ToString(), Value = value }.GetCallData();

    /// <summary>Decodes the <c>Transfer</c> events among <paramref name="logs"/>, optionally only those of <paramref name="token"/>.</summary>
    public static IReadOnlyList<Erc20Transfer> DecodeTransfers(IEnumerable<LogEntry> logs, Address? token = null)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var transfers = new List<Erc20Transfer>();
        foreach (var log in logs)
        {
            // ERC-721 shares the Transfer topic but indexes the third value: four topics, no data (IsEvent counts topics).
            if ((token is { } t && log.Address != t) || log.DecodeEvent<TransferEventDto>() is not { } transfer)
            {
                continue;
            }

            transfers.Add(new Erc20Transfer(log.Address, Address.Parse(transfer.From), Address.Parse(transfer.To), transfer.Value)
            {
                TransactionHash = log.TransactionHash,
                BlockNumber = log.BlockNumber,
                LogIndex = log.LogIndex,
            });
        }

        return transfers;
    }

    /// <summary>The balance of <paramref name="account"/> in base units.</summary>
    public Task<BigInteger> BalanceOfAsync(Address account, CancellationToken cancellationToken = default) =>
        QueryAsync<BalanceOfFunction, BigInteger>(new BalanceOfFunction { Account = account.ToString() }, null, cancellationToken);

    /// <summary>How much <paramref name="spender"/> may still pull from <paramref name="owner"/>.</summary>
    public Task<BigInteger> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default) =>
        QueryAsync<AllowanceFunction, BigInteger>(new AllowanceFunction { Owner = owner.ToString(), Spender = spender.ToString() }, null, cancellationToken);

    /// <summary>
    /// Simulates <c>transfer</c> from <paramref name="from"/> with <c>eth_call</c>: true when it would succeed.
    /// </summary>
    /// <exception cref="ContractRevertedException">It would revert; <see cref="ContractRevertedException.Reason"/> names the ERC-6093 error.</exception>
    public Task<bool> SimulateTransferAsync(Address from, Address to, BigInteger value, CancellationToken cancellationToken = default) =>
        QueryAsync<TransferFunction, bool>(new TransferFunction { To = to.ToString(), Value = value }, from, cancellationToken);

    /// <summary>The token's <c>Transfer</c> events in a block range, optionally filtered by sender and recipient.</summary>
    public async Task<IReadOnlyList<Erc20Transfer>> GetTransfersAsync(
        BlockParameter fromBlock,
        BlockParameter toBlock,
        Address? from = null,
        Address? to = null,
        CancellationToken cancellationToken = default)
    {
        var filter = new LogFilter
        {
            FromBlock = fromBlock,
            ToBlock = toBlock,
            Addresses = [Token],
            Topics =
            [
                [Hex.Decode(ABITypedRegistry.GetEvent<TransferEventDto>().Sha3Signature)],
                from is { } f ? [AbiEvent.EncodeTopic("address", f)] : null,
                to is { } t ? [AbiEvent.EncodeTopic("address", t)] : null,
            ],
        };
        var logs = await _rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return DecodeTransfers(logs, Token);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ERC-20 {Token}";

    private async Task<TReturn> QueryAsync<TFunction, TReturn>(TFunction function, Address? from, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
    {
        try
        {
            return await _rpc.QueryAsync<TFunction, TReturn>(Token, function, from, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException ex) when (ex.Reason.Kind == RevertKind.Unknown)
        {
            // The client may not know the token's errors: decode again with them.
            var reason = ex.DecodeWith(Errors);
            throw new ContractRevertedException(ex.Method, ex.Code, ex.RpcMessage, ex.ErrorData, ex.RevertData.ToArray(), reason);
        }
    }
}
