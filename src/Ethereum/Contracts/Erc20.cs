using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;

namespace PaymentFunctions.Ethereum.Contracts;

/// <summary>
/// A typed view of an ERC-20 token: reads through <c>eth_call</c>, call data for the state-changing
/// functions (to be signed and sent by the transaction manager), and <c>Transfer</c> event decoding.
/// Reverts are decoded with OpenZeppelin 5's ERC-6093 errors.
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

    /// <summary><c>balanceOf(address)</c>.</summary>
    public static AbiFunction BalanceOfFunction { get; } = AbiFunction.Parse("function balanceOf(address account) view returns (uint256)");

    /// <summary><c>allowance(address,address)</c>.</summary>
    public static AbiFunction AllowanceFunction { get; } = AbiFunction.Parse("function allowance(address owner, address spender) view returns (uint256)");

    /// <summary><c>transfer(address,uint256)</c>.</summary>
    public static AbiFunction TransferFunction { get; } = AbiFunction.Parse("function transfer(address to, uint256 value) returns (bool)");

    /// <summary><c>approve(address,uint256)</c>.</summary>
    public static AbiFunction ApproveFunction { get; } = AbiFunction.Parse("function approve(address spender, uint256 value) returns (bool)");

    /// <summary><c>transferFrom(address,address,uint256)</c>.</summary>
    public static AbiFunction TransferFromFunction { get; } = AbiFunction.Parse("function transferFrom(address from, address to, uint256 value) returns (bool)");

    /// <summary><c>decimals()</c>.</summary>
    public static AbiFunction DecimalsFunction { get; } = AbiFunction.Parse("function decimals() view returns (uint8)");

    /// <summary><c>symbol()</c>.</summary>
    public static AbiFunction SymbolFunction { get; } = AbiFunction.Parse("function symbol() view returns (string)");

    /// <summary><c>totalSupply()</c>.</summary>
    public static AbiFunction TotalSupplyFunction { get; } = AbiFunction.Parse("function totalSupply() view returns (uint256)");

    /// <summary><c>Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    public static AbiEvent TransferEvent { get; } = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");

    /// <summary><c>Approval(address indexed owner, address indexed spender, uint256 value)</c>.</summary>
    public static AbiEvent ApprovalEvent { get; } = AbiEvent.Parse("event Approval(address indexed owner, address indexed spender, uint256 value)");

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
    public static byte[] EncodeTransfer(Address to, BigInteger value) => TransferFunction.EncodeCall(to, value);

    /// <summary>Call data for <c>approve(spender, value)</c>.</summary>
    public static byte[] EncodeApprove(Address spender, BigInteger value) => ApproveFunction.EncodeCall(spender, value);

    /// <summary>Call data for <c>transferFrom(from, to, value)</c>.</summary>
    public static byte[] EncodeTransferFrom(Address from, Address to, BigInteger value) => TransferFromFunction.EncodeCall(from, to, value);

    /// <summary>Decodes the <c>Transfer</c> events among <paramref name="logs"/>, optionally only those of <paramref name="token"/>.</summary>
    public static IReadOnlyList<Erc20Transfer> DecodeTransfers(IEnumerable<LogEntry> logs, Address? token = null)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var transfers = new List<Erc20Transfer>();
        foreach (var log in logs)
        {
            // ERC-721 shares the Transfer topic but indexes the third value: four topics, no data.
            if ((token is { } t && log.Address != t) || !TransferEvent.Matches(log.Topics) || log.Topics.Count != 3)
            {
                continue;
            }

            var decoded = TransferEvent.Decode(log.Topics, log.Data);
            transfers.Add(new Erc20Transfer(log.Address, decoded.Get<Address>("from"), decoded.Get<Address>("to"), decoded.Get<BigInteger>("value"))
            {
                TransactionHash = log.TransactionHash,
                BlockNumber = log.BlockNumber,
                LogIndex = log.LogIndex,
            });
        }

        return transfers;
    }

    /// <summary>The balance of <paramref name="account"/> in base units.</summary>
    public async Task<BigInteger> BalanceOfAsync(Address account, CancellationToken cancellationToken = default) =>
        (BigInteger)(await CallAsync(BalanceOfFunction, [account], cancellationToken).ConfigureAwait(false))[0]!;

    /// <summary>How much <paramref name="spender"/> may still pull from <paramref name="owner"/>.</summary>
    public async Task<BigInteger> AllowanceAsync(Address owner, Address spender, CancellationToken cancellationToken = default) =>
        (BigInteger)(await CallAsync(AllowanceFunction, [owner, spender], cancellationToken).ConfigureAwait(false))[0]!;

    /// <summary>The token's decimals (6 for MXNB).</summary>
    public async Task<int> DecimalsAsync(CancellationToken cancellationToken = default) =>
        (int)(BigInteger)(await CallAsync(DecimalsFunction, [], cancellationToken).ConfigureAwait(false))[0]!;

    /// <summary>The token's symbol.</summary>
    public async Task<string> SymbolAsync(CancellationToken cancellationToken = default) =>
        (string)(await CallAsync(SymbolFunction, [], cancellationToken).ConfigureAwait(false))[0]!;

    /// <summary>The total supply in base units.</summary>
    public async Task<BigInteger> TotalSupplyAsync(CancellationToken cancellationToken = default) =>
        (BigInteger)(await CallAsync(TotalSupplyFunction, [], cancellationToken).ConfigureAwait(false))[0]!;

    /// <summary>
    /// Simulates <c>transfer</c> from <paramref name="from"/> with <c>eth_call</c>: true when it would succeed.
    /// </summary>
    /// <exception cref="ContractRevertedException">It would revert; <see cref="ContractRevertedException.Reason"/> names the ERC-6093 error.</exception>
    public async Task<bool> SimulateTransferAsync(Address from, Address to, BigInteger value, CancellationToken cancellationToken = default) =>
        (bool)(await CallAsync(TransferFunction, [to, value], cancellationToken, from).ConfigureAwait(false))[0]!;

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
                [TransferEvent.Topic.ToArray()],
                from is { } f ? [AbiEvent.EncodeTopic(AbiType.Address, f)] : null,
                to is { } t ? [AbiEvent.EncodeTopic(AbiType.Address, t)] : null,
            ],
        };
        var logs = await _rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return DecodeTransfers(logs, Token);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ERC-20 {Token}";

    private async Task<object?[]> CallAsync(AbiFunction function, object?[] arguments, CancellationToken cancellationToken, Address? from = null)
    {
        try
        {
            return await _rpc.CallAsync(Token, function, arguments, from, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException ex) when (ex.Reason.Kind == RevertKind.Unknown)
        {
            // The client may not know the token's errors: decode again with them.
            var reason = ex.DecodeWith(Errors);
            throw new ContractRevertedException(ex.Method, ex.Code, ex.RpcMessage, ex.ErrorData, ex.RevertData.ToArray(), reason);
        }
    }
}
