using System.Numerics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;
using PaymentFunctions.Ethereum;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.TransactionManagement;
using PaymentFunctions.Payments.Chain.Escrow;

namespace PaymentFunctions.Payments.Chain;

/// <summary>
/// The payment lifecycle's hands on chain: the bridge wallet locks MXNB in the escrow for a payment and, holding
/// the escrow's <c>OPERATOR_ROLE</c>, releases, refunds, disputes, resolves or cancels it. Every transaction goes
/// through the <see cref="TransactionManager"/> under an intent id derived from the orchestration step's key
/// (<c>{stepKey}:{operation}</c>), so an activity retried after a crash picks up the transaction it already
/// sent instead of sending another.
/// </summary>
/// <remarks>
/// Reverts and failures retrying cannot fix throw <see cref="EscrowTransactionFailedException"/> (compensate);
/// network and node trouble surfaces as the underlying exceptions (<see cref="HttpRequestException"/>,
/// <see cref="JsonRpcException"/>, timeouts), which the activity's retry policy retries.
/// </remarks>
public sealed partial class EscrowGateway
{
    private readonly EthereumRpcClient _rpc;
    private readonly TransactionManager _transactions;
    private readonly IEthExternalSigner _bridge;
    private readonly PaymentChainOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private static readonly BigInteger UnlimitedAllowance = BigInteger.Pow(2, 256) - 1;

    private readonly Address _token;
    private readonly Address _escrow;
    private readonly Address _payee;

    /// <summary>Creates the gateway.</summary>
    /// <param name="rpc">The node.</param>
    /// <param name="transactions">Sends the bridge wallet's transactions exactly once per intent id.</param>
    /// <param name="bridge">The bridge wallet's signer (a Key Vault key in production).</param>
    /// <param name="options">Contract addresses and the payee.</param>
    /// <param name="logger">Logger; addresses are masked.</param>
    /// <param name="timeProvider">Clock used to keep custody ends ahead of the chain; null for the system clock.</param>
    public EscrowGateway(
        EthereumRpcClient rpc,
        TransactionManager transactions,
        IEthExternalSigner bridge,
        IOptions<PaymentChainOptions> options,
        ILogger<EscrowGateway>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(bridge);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _rpc = rpc;
        _transactions = transactions;
        _bridge = bridge;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _token = Address.Parse(_options.TokenAddress);
        _escrow = Address.Parse(_options.EscrowAddress);
        _payee = Address.Parse(_options.PlatformDepositAddress);
    }

    /// <summary>The escrow contract.</summary>
    public Address EscrowAddress => _escrow;

    /// <summary>The MXNB token.</summary>
    public Address TokenAddress => _token;

    /// <summary>The payee of every escrow: the platform's Juno deposit address.</summary>
    public Address PlatformDepositAddress => _payee;

    /// <summary>keccak256 of the payment id's UTF-8 bytes: the escrow's <c>paymentId</c>.</summary>
    public static byte[] HashPaymentId(string paymentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentId);
        return Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(paymentId));
    }

    /// <summary>The bridge wallet's address (where Juno withdraws to).</summary>
    public async Task<Address> GetBridgeAddressAsync(CancellationToken cancellationToken = default) =>
        await _bridge.GetAddressAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The MXNB balance of <paramref name="owner"/> in base units, e.g. to see a withdrawal arrive at the bridge.</summary>
    public Task<BigInteger> GetTokenBalanceAsync(Address owner, CancellationToken cancellationToken = default) =>
        new Erc20(_rpc, _token).BalanceOfAsync(owner, cancellationToken);

    /// <summary>
    /// Locks <paramref name="amount"/> MXNB of the bridge wallet in a new escrow for <paramref name="paymentId"/>:
    /// <c>approve(escrow, amount)</c>, then <c>createEscrow</c> paying the platform's deposit address. When the bridge
    /// already has an escrow for this payment (e.g. a crash came between sending and recording), that one is returned
    /// and nothing is sent.
    /// </summary>
    /// <param name="stepKey">The orchestration step's idempotency key.</param>
    /// <param name="paymentId">The payment; the escrow is keyed by its keccak256.</param>
    /// <param name="amount">Token base units.</param>
    /// <param name="custodyEnd">
    /// When custody ends. The contract needs it after the creating block's time, so an end sooner than
    /// <see cref="PaymentChainOptions.MinimumCustody"/> after the chain's clock is moved out to that.
    /// </param>
    /// <param name="cancellationToken">Stops waiting; a sent transaction is picked up by the retry.</param>
    /// <exception cref="EscrowTransactionFailedException">approve or createEscrow reverted or was refused for good.</exception>
    public async Task<EscrowFunding> FundEscrowAsync(string stepKey, string paymentId, BigInteger amount, DateTimeOffset custodyEnd, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepKey);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(amount, BigInteger.Zero);
        var paymentIdHash = HashPaymentId(paymentId);
        var bridge = await GetBridgeAddressAsync(cancellationToken).ConfigureAwait(false);

        var existing = await _rpc.QueryAsync<EscrowIdOfFunction, BigInteger>(
            _escrow, new EscrowIdOfFunction { Payer = bridge.ToString(), PaymentId = paymentIdHash }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.IsZero)
        {
            Log.EscrowAlreadyFunded(_logger, paymentId, existing, stepKey);
            return await ExistingFundingAsync(stepKey, existing, bridge, cancellationToken).ConfigureAwait(false);
        }

        // One allowance serves every payment from the bridge: approving each payment's own amount would let concurrent
        // payments overwrite each other's allowance between approve and createEscrow. An unlimited allowance is never
        // decreased by transferFrom, so it is set once (again by any step that finds it short). An approve this step
        // already stored is finished even when the allowance is no longer short (another step's approve got there
        // first): stored, it holds one of the bridge's nonces, and until it is sent no later transaction can be mined.
        var approveHash = "";
        var allowance = await new Erc20(_rpc, _token).AllowanceAsync(bridge, _escrow, cancellationToken).ConfigureAwait(false);
        var storedApprove = await _transactions.GetRecordAsync(IntentId(stepKey, "approve"), cancellationToken).ConfigureAwait(false);
        if (allowance < amount || storedApprove is { IsFinished: false })
        {
            approveHash = (await SendAsync(stepKey, "approve", _token, Erc20.EncodeApprove(_escrow, UnlimitedAllowance), cancellationToken).ConfigureAwait(false)).TransactionHash;
        }

        var createData = await CreateEscrowDataAsync(stepKey, paymentIdHash, amount, custodyEnd, cancellationToken).ConfigureAwait(false);
        TransactionOutcome create;
        try
        {
            create = await SendAsync(stepKey, "create", _escrow, createData, cancellationToken).ConfigureAwait(false);
        }
        catch (EscrowTransactionFailedException ex) when (ex is { InnerException: InvalidOperationException, TransactionHash: null })
        {
            // A concurrent run of this step stored its createEscrow first, with a custody end read a moment apart: drive that one.
            createData = await CreateEscrowDataAsync(stepKey, paymentIdHash, amount, custodyEnd, cancellationToken).ConfigureAwait(false);
            create = await SendAsync(stepKey, "create", _escrow, createData, cancellationToken).ConfigureAwait(false);
        }

        var created = create.Receipt.Logs.DecodeEvents<EscrowCreatedEventDto>(_escrow).SingleOrDefault()
            ?? throw new EscrowTransactionFailedException("create", IntentId(stepKey, "create"), null, create.TransactionHash,
                new InvalidOperationException("The createEscrow receipt holds no EscrowCreated event."));
        Log.EscrowFunded(_logger, paymentId, created.EscrowId, amount, create.TransactionHash);
        return new EscrowFunding(created.EscrowId, _escrow, Address.Parse(created.Payer), Address.Parse(created.Payee), approveHash, create.TransactionHash);
    }

    /// <summary>Pays a funded escrow to the payee (<c>release</c>); returns the transaction hash.</summary>
    /// <exception cref="EscrowTransactionFailedException">It reverted, e.g. the escrow is not <see cref="OnChainEscrowStatus.Funded"/>.</exception>
    public Task<string> ReleaseAsync(string stepKey, BigInteger escrowId, CancellationToken cancellationToken = default) =>
        SendHashAsync(stepKey, "release", new ReleaseFunction { EscrowId = escrowId }.GetCallData(), cancellationToken);

    /// <summary>Returns a funded escrow to the bridge wallet (<c>refund</c>); returns the transaction hash.</summary>
    /// <exception cref="EscrowTransactionFailedException">It reverted.</exception>
    public Task<string> RefundAsync(string stepKey, BigInteger escrowId, CancellationToken cancellationToken = default) =>
        SendHashAsync(stepKey, "refund", new RefundFunction { EscrowId = escrowId }.GetCallData(), cancellationToken);

    /// <summary>Freezes a funded escrow until the dispute is resolved (<c>dispute</c>); returns the transaction hash.</summary>
    /// <exception cref="EscrowTransactionFailedException">It reverted.</exception>
    public Task<string> DisputeAsync(string stepKey, BigInteger escrowId, CancellationToken cancellationToken = default) =>
        SendHashAsync(stepKey, "dispute", new DisputeFunction { EscrowId = escrowId }.GetCallData(), cancellationToken);

    /// <summary>Ends a dispute by paying the payee (<paramref name="toPayee"/>) or refunding the bridge wallet; returns the transaction hash.</summary>
    /// <exception cref="EscrowTransactionFailedException">It reverted, e.g. the escrow is not <see cref="OnChainEscrowStatus.Disputed"/>.</exception>
    public Task<string> ResolveDisputeAsync(string stepKey, BigInteger escrowId, bool toPayee, CancellationToken cancellationToken = default) =>
        SendHashAsync(stepKey, "resolve", new ResolveDisputeFunction { EscrowId = escrowId, ToPayee = toPayee }.GetCallData(), cancellationToken);

    /// <summary>Calls off a funded escrow before its custody ends, returning the tokens to the bridge wallet; returns the transaction hash.</summary>
    /// <exception cref="EscrowTransactionFailedException">It reverted, e.g. custody already ended.</exception>
    public Task<string> CancelAsync(string stepKey, BigInteger escrowId, CancellationToken cancellationToken = default) =>
        SendHashAsync(stepKey, "cancel", new CancelFunction { EscrowId = escrowId }.GetCallData(), cancellationToken);

    /// <summary>Sends MXNB from the bridge wallet, e.g. back to the Juno deposit address to be redeemed for a refund.</summary>
    /// <exception cref="EscrowTransactionFailedException">It reverted, e.g. the bridge holds too little.</exception>
    public async Task<string> TransferTokensAsync(string stepKey, Address to, BigInteger amount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(amount, BigInteger.Zero);
        var outcome = await SendAsync(stepKey, "transfer", _token, Erc20.EncodeTransfer(to, amount), cancellationToken).ConfigureAwait(false);
        return outcome.TransactionHash;
    }

    /// <summary>The escrow as the contract reports it, or null when the id is unknown.</summary>
    public async Task<OnChainEscrow?> GetEscrowAsync(BigInteger escrowId, CancellationToken cancellationToken = default)
    {
        EscrowStruct escrow;
        try
        {
            escrow = (await _rpc.QueryDeserializingAsync<GetEscrowFunction, GetEscrowOutputDto>(
                _escrow, new GetEscrowFunction { EscrowId = escrowId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Escrow;
        }
        catch (ContractRevertedException ex) when (ex.DecodeWith(PaymentEscrowAbi.Errors).ErrorName == "EscrowNotFound")
        {
            return null;
        }

        return new OnChainEscrow(
            escrowId,
            escrow.PaymentId,
            Address.Parse(escrow.Payer),
            Address.Parse(escrow.Payee),
            Address.Parse(escrow.Token),
            escrow.Amount,
            DateTimeOffset.FromUnixTimeSeconds(checked((long)escrow.CustodyEnd)),
            DateTimeOffset.FromUnixTimeSeconds(checked((long)escrow.CreatedAt)),
            (OnChainEscrowStatus)escrow.Status);
    }

    private static string IntentId(string stepKey, string operation) => $"{stepKey}:{operation}";

    private async Task<string> SendHashAsync(string stepKey, string operation, byte[] data, CancellationToken cancellationToken) =>
        (await SendAsync(stepKey, operation, _escrow, data, cancellationToken).ConfigureAwait(false)).TransactionHash;

    private async Task<TransactionOutcome> SendAsync(string stepKey, string operation, Address to, byte[] data, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepKey);
        var intentId = IntentId(stepKey, operation);
        TransactionOutcome outcome;
        try
        {
            outcome = await _transactions.SendAsync(new TransactionIntent { IntentId = intentId, From = _bridge, To = to, Data = data }, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException ex)
        {
            // Gas estimation replayed the call and it reverts: nothing was sent, and a retry would revert again.
            throw Failed(operation, intentId, ex.DecodeWith(PaymentEscrowAbi.Errors), null, ex);
        }
        catch (JsonRpcException ex) when (ex.Kind is JsonRpcErrorKind.InsufficientFunds or JsonRpcErrorKind.IntrinsicGasTooLow or JsonRpcErrorKind.InvalidParams or JsonRpcErrorKind.MethodNotFound)
        {
            throw Failed(operation, intentId, null, null, ex);
        }
        catch (NonceConflictException ex)
        {
            throw Failed(operation, intentId, null, null, ex);
        }
        catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
        {
            // The intent id was used for a different transaction, or the signer does not match its address.
            throw Failed(operation, intentId, null, null, ex);
        }

        if (!outcome.Succeeded)
        {
            var revert = outcome.Revert is { } reason ? RevertDecoder.Decode(reason.Data.Span, PaymentEscrowAbi.Errors) : null;
            throw Failed(operation, intentId, revert is { Kind: not RevertKind.Empty } ? revert : outcome.Revert, outcome.TransactionHash, null);
        }

        return outcome;
    }

    // Not logged here: the activity decides whether the failure is final (and logs it with the payment's context).
    private static EscrowTransactionFailedException Failed(string operation, string intentId, RevertReason? revert, string? transactionHash, Exception? inner) =>
        new(operation, intentId, revert, transactionHash, inner);

    private async Task<byte[]> CreateEscrowDataAsync(string stepKey, byte[] paymentIdHash, BigInteger amount, DateTimeOffset custodyEnd, CancellationToken cancellationToken)
    {
        // A create already stored for this step is re-driven with its own bytes: the custody end computed then
        // (from the chain's clock) would differ now, and the manager refuses a changed transaction under one intent id.
        if (await _transactions.GetRecordAsync(IntentId(stepKey, "create"), cancellationToken).ConfigureAwait(false) is { } stored)
        {
            var data = Hex.Decode(((Transaction1559)TransactionFactory.CreateTransaction(stored.Latest.Raw.ToArray())).Data ?? "0x");
            var storedCreate = new CreateEscrowFunction().DecodeInput(Hex.Encode(data));
            if (!storedCreate.PaymentId.AsSpan().SequenceEqual(paymentIdHash) || storedCreate.Amount != amount)
            {
                throw Failed("create", stored.IntentId, null, null,
                    new InvalidOperationException($"Step '{stepKey}' already created an escrow for another payment or amount."));
            }

            return data;
        }

        var end = await SafeCustodyEndAsync(custodyEnd, cancellationToken).ConfigureAwait(false);
        return new CreateEscrowFunction
        {
            PaymentId = paymentIdHash,
            Payee = _payee.ToString(),
            Token = _token.ToString(),
            Amount = amount,
            CustodyEnd = checked((ulong)end.ToUnixTimeSeconds()),
        }.GetCallData();
    }

    private async Task<DateTimeOffset> SafeCustodyEndAsync(DateTimeOffset requested, CancellationToken cancellationToken)
    {
        var block = await _rpc.SendAsync("eth_getBlockByNumber", ["latest", false], cancellationToken).ConfigureAwait(false);
        var latest = DateTimeOffset.FromUnixTimeSeconds((long)Hex.DecodeQuantity(block.GetProperty("timestamp").GetString()!));
        var now = _time.GetUtcNow();
        var earliest = (latest > now ? latest : now) + _options.MinimumCustody;
        return requested < earliest ? earliest : requested;
    }

    private async Task<EscrowFunding> ExistingFundingAsync(string stepKey, BigInteger escrowId, Address bridge, CancellationToken cancellationToken)
    {
        var escrow = await GetEscrowAsync(escrowId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Escrow {escrowId} is mapped to the payment but not found.");
        var approve = await _transactions.GetRecordAsync(IntentId(stepKey, "approve"), cancellationToken).ConfigureAwait(false);
        var create = await _transactions.GetRecordAsync(IntentId(stepKey, "create"), cancellationToken).ConfigureAwait(false);
        var createHash = create?.MinedHash ?? await FindCreationHashAsync(escrowId, cancellationToken).ConfigureAwait(false);
        return new EscrowFunding(escrowId, _escrow, bridge, escrow.Payee, approve?.MinedHash ?? string.Empty, createHash);
    }

    private async Task<string> FindCreationHashAsync(BigInteger escrowId, CancellationToken cancellationToken)
    {
        var logs = await _rpc.GetLogsAsync(new LogFilter
        {
            FromBlock = BlockParameter.Earliest,
            ToBlock = BlockParameter.Latest,
            Addresses = [_escrow],
            Topics = [[Hex.Decode(ABITypedRegistry.GetEvent<EscrowCreatedEventDto>().Sha3Signature)], [AbiEvent.EncodeTopic("uint256", escrowId)]],
        }, cancellationToken).ConfigureAwait(false);
        return logs.Select(l => l.TransactionHash).FirstOrDefault(h => h is not null) ?? string.Empty;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Escrow {EscrowId} funded for payment {PaymentId} with {Amount} base units in {TransactionHash}")]
        public static partial void EscrowFunded(ILogger logger, string paymentId, BigInteger escrowId, BigInteger amount, string transactionHash);

        [LoggerMessage(2, LogLevel.Information, "Escrow {EscrowId} already exists for payment {PaymentId}; step {StepKey} sends nothing")]
        public static partial void EscrowAlreadyFunded(ILogger logger, string paymentId, BigInteger escrowId, string stepKey);
    }
}
