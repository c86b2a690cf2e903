using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using Nethereum.Model;
using Nethereum.Signer;
using PaymentFunctions.Ethereum.Signers;
using Nethereum.Util;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>
/// Sends EIP-1559 transactions so that money moves exactly once even when processes crash or run side by side:
/// nonces come from PostgreSQL under a row lock, the signed bytes are stored before they are sent and re-sent
/// unchanged on resume, a stuck transaction is replaced with higher fees, and an intent id never produces a
/// second transaction. Several managers (in several processes) may share one database.
/// </summary>
/// <example>
/// An activity approving tokens exactly once, keyed by its orchestration step:
/// <code>
/// var outcome = await manager.SendAsync(new TransactionIntent
/// {
///     IntentId = $"{instanceId}:{taskSequenceId}",
///     From = bridgeWalletSigner,
///     To = token,
///     Data = Erc20.EncodeApprove(escrow, amount),
/// }, cancellationToken);
/// if (!outcome.Succeeded)
/// {
///     throw new InvalidOperationException($"approve reverted: {outcome.Revert?.Message}");
/// }
/// </code>
/// </example>
public sealed class TransactionManager
{
    private readonly EthereumRpcClient _rpc;
    private readonly TransactionManagerOptions _options;
    private readonly TransactionStore _store;
    private readonly FeeEstimator _fees;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _chainId;

    /// <summary>Polls in a row that must see the nonce mined without our receipt before it counts as a conflict.</summary>
    private const int ConflictSightingsRequired = 5;

    /// <summary>Creates a manager.</summary>
    /// <param name="rpc">The node to send through.</param>
    /// <param name="dataSource">The database holding nonces and transactions (shared by all processes sending from the same accounts).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="logger">Logger; addresses are masked.</param>
    /// <param name="timeProvider">Clock for replacement timeouts and polling; null for the system clock.</param>
    public TransactionManager(
        EthereumRpcClient rpc,
        NpgsqlDataSource dataSource,
        TransactionManagerOptions? options = null,
        ILogger<TransactionManager>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new TransactionManagerOptions();
        options.Validate();
        _rpc = rpc;
        _options = options;
        _store = new TransactionStore(dataSource, options);
        _fees = new FeeEstimator(rpc, options.Fees);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Crash seams for tests.</summary>
    internal TransactionManagerHooks Hooks { get; init; } = new();

    /// <summary>Creates the schema and tables if they are missing (also done on first use).</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => _store.EnsureSchemaAsync(cancellationToken);

    /// <summary>
    /// Sends the intent's transaction, or picks up the one already stored for its id, and waits until it is mined and
    /// confirmed. A reverted transaction is an outcome (with <see cref="TransactionOutcome.Revert"/>), not an exception.
    /// </summary>
    /// <exception cref="InvalidOperationException">The intent id was used before for a different sender, recipient, value or data.</exception>
    /// <exception cref="ContractRevertedException">Gas estimation reverted; nothing was stored or sent.</exception>
    /// <exception cref="NonceConflictException">Another transaction took the stored nonce.</exception>
    /// <exception cref="JsonRpcException">The node refused the transaction for a reason retrying cannot fix (e.g. insufficient funds).</exception>
    public async Task<TransactionOutcome> SendAsync(TransactionIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentException.ThrowIfNullOrWhiteSpace(intent.IntentId);
        ArgumentNullException.ThrowIfNull(intent.From);
        if (intent.Value.Sign < 0 || intent.GasLimit is { Sign: <= 0 })
        {
            throw new ArgumentException("Value must not be negative and a gas limit must be positive.", nameof(intent));
        }

        await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var chainId = await GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        var from = await intent.From.GetAddressAsync(cancellationToken).ConfigureAwait(false);
        var requestHash = Fingerprint(from, intent);

        var record = await _store.FindAsync(intent.IntentId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            record = await CreateAsync(intent, chainId, from, requestHash, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            TransactionManagerLog.Resuming(_logger, record.IntentId, record.Latest.Hash, record.Status);
        }

        if (!record.RequestHash.Span.SequenceEqual(requestHash) || record.ChainId != chainId)
        {
            throw new InvalidOperationException(
                $"Intent id '{intent.IntentId}' was already used for a different transaction (sender, recipient, value, data or chain differ).");
        }

        return await DriveAsync(record, intent.From, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a restart: re-sends, byte for byte, every stored transaction of <paramref name="signer"/>'s account that is
    /// not finished (lowest nonce first, so none waits behind a gap) and waits for all of them.
    /// </summary>
    public async Task<IReadOnlyList<TransactionOutcome>> ResumeAsync(IEthExternalSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var chainId = await GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        var from = await signer.GetAddressAsync(cancellationToken).ConfigureAwait(false);
        var open = await _store.ListOpenAsync(chainId, from, cancellationToken).ConfigureAwait(false);
        var drives = new List<Task<TransactionOutcome>>(open.Count);
        foreach (var record in open)
        {
            TransactionManagerLog.Resuming(_logger, record.IntentId, record.Latest.Hash, record.Status);
            drives.Add(DriveAsync(record, signer, cancellationToken));
        }

        return await Task.WhenAll(drives).ConfigureAwait(false);
    }

    /// <summary>The stored state of an intent, or null when it was never sent.</summary>
    public async Task<TransactionRecord?> GetRecordAsync(string intentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(intentId);
        await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _store.FindAsync(intentId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TransactionRecord> CreateAsync(TransactionIntent intent, long chainId, Address from, byte[] requestHash, CancellationToken cancellationToken)
    {
        // Estimation and fees need no lock; only nonce choice, signing and storing are serialized.
        var gasLimit = intent.GasLimit ?? FeeEstimator.MultiplyUp(
            await _rpc.EstimateGasAsync(new CallRequest { From = from, To = intent.To, Data = intent.Data, Value = intent.Value }, cancellationToken).ConfigureAwait(false),
            _options.GasLimitMultiplier);
        var fees = await _fees.EstimateAsync(cancellationToken).ConfigureAwait(false);

        TransactionRecord record;
        await using (var reservation = await _store.ReserveNonceAsync(chainId, from, cancellationToken).ConfigureAwait(false))
        {
            if (await reservation.FindIntentAsync(intent.IntentId, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            // The chain wins when it is ahead (the account was used elsewhere); the database wins when stored
            // transactions are not in the node's pool yet.
            var pending = await _rpc.GetTransactionCountAsync(from, BlockParameter.Pending, cancellationToken).ConfigureAwait(false);
            var nonce = BigInteger.Max(reservation.StoredNextNonce, pending);
            var transaction = new Transaction1559(
                chainId, nonce, fees.MaxPriorityFeePerGas, fees.MaxFeePerGas, gasLimit, intent.To?.ToLowerHex(), intent.Value, Hex.Encode(intent.Data.Span), []);
            var signed = await intent.From.SignEip1559Async(transaction, from, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            record = new TransactionRecord
            {
                IntentId = intent.IntentId,
                ChainId = chainId,
                From = from,
                To = intent.To,
                Nonce = nonce,
                Status = TransactionStatus.Persisted,
                Attempts = [new TransactionAttempt(1, signed.Hash, signed.Raw, fees.MaxFeePerGas, fees.MaxPriorityFeePerGas, now)],
                RequestHash = requestHash,
                CreatedAt = now,
                UpdatedAt = now,
            };

            try
            {
                await reservation.CommitAsync(record, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (TransactionStore.IsDuplicateIntent(ex))
            {
                // Another process stored the same intent id (from another sender) first; its row decides.
                return await _store.FindAsync(intent.IntentId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Intent {intent.IntentId} conflicted but is not stored.", ex);
            }
        }

        TransactionManagerLog.Persisted(_logger, record.IntentId, record.Nonce.ToString(CultureInfo.InvariantCulture), from.ToMaskedString(), record.Latest.Hash);
        if (Hooks.AfterPersistAsync is { } afterPersist)
        {
            await afterPersist(record, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    private async Task<TransactionOutcome> DriveAsync(TransactionRecord record, IEthExternalSigner signer, CancellationToken cancellationToken)
    {
        if (record.IsFinished && await FinishedOutcomeAsync(record, cancellationToken).ConfigureAwait(false) is { } finished)
        {
            return finished;
        }

        // Timeouts count from just before each send, so anyone who has seen the transaction in the pool has seen the clock start.
        var lastSent = _time.GetUtcNow();
        await BroadcastAsync(record, cancellationToken).ConfigureAwait(false);
        if (record.Status == TransactionStatus.Persisted)
        {
            await _store.MarkSentAsync(record.IntentId, cancellationToken).ConfigureAwait(false);
            record = record with { Status = TransactionStatus.Sent };
        }

        var conflictSightings = 0;
        while (true)
        {
            // The nonce is read before the receipts: a mined nonce without any of our receipts then really means a foreign transaction.
            var minedNonce = await _rpc.GetTransactionCountAsync(record.From, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
            var receipt = await FindReceiptAsync(record, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                var head = await _rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
                if (head - receipt.BlockNumber + 1 >= _options.Confirmations)
                {
                    var settled = await _rpc.GetTransactionReceiptAsync(receipt.TransactionHash, cancellationToken).ConfigureAwait(false);
                    if (settled is not null && settled.BlockHash == receipt.BlockHash)
                    {
                        return await FinishAsync(record, settled, head, cancellationToken).ConfigureAwait(false);
                    }

                    TransactionManagerLog.ReceiptLost(_logger, record.IntentId, receipt.TransactionHash);
                }
            }
            else if (minedNonce > record.Nonce)
            {
                // Another process may have stored (and got mined) an attempt this one has not seen yet.
                var reloaded = await _store.FindAsync(record.IntentId, cancellationToken).ConfigureAwait(false) ?? record;
                if (reloaded.Attempts.Count > record.Attempts.Count)
                {
                    record = reloaded with { Status = TransactionStatus.Sent };
                    continue;
                }

                // A node under load can count a mined nonce a moment before it serves that block's receipts, so a
                // conflict is only believed once it has been seen on several polls in a row.
                if (++conflictSightings < ConflictSightingsRequired)
                {
                    await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new NonceConflictException(
                    $"Nonce {record.Nonce} of {record.From.ToMaskedString()} was used by a transaction other than the {record.Attempts.Count} attempt(s) stored for intent {record.IntentId}.")
                {
                    IntentId = record.IntentId,
                };
            }
            else if (_time.GetUtcNow() - lastSent >= _options.ReplacementTimeout)
            {
                lastSent = _time.GetUtcNow();
                record = await ReplaceAsync(record, signer, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TransactionRecord> ReplaceAsync(TransactionRecord record, IEthExternalSigner signer, CancellationToken cancellationToken)
    {
        var latest = record.Latest;
        var market = await _fees.EstimateAsync(cancellationToken).ConfigureAwait(false);
        var bumped = FeeEstimator.Bump(new FeeEstimate(latest.MaxFeePerGas, latest.MaxPriorityFeePerGas), market, _options.Fees);
        if (bumped is not { } fees)
        {
            TransactionManagerLog.CapReached(_logger, record.IntentId, _options.Fees.MaxFeePerGasCap?.ToString(CultureInfo.InvariantCulture) ?? "none", latest.Hash);
            await BroadcastAsync(record, cancellationToken).ConfigureAwait(false);
            return record;
        }

        var previous = Decode(record.IntentId, latest.Raw);
        var replacement = new Transaction1559(
            previous.ChainId, previous.Nonce, fees.MaxPriorityFeePerGas, fees.MaxFeePerGas, previous.GasLimit, previous.ReceiverAddress, previous.Amount, previous.Data, previous.AccessList);
        var signed = await signer.SignEip1559Async(replacement, record.From, cancellationToken).ConfigureAwait(false);
        var attempt = new TransactionAttempt(record.Attempts.Count + 1, signed.Hash, signed.Raw, fees.MaxFeePerGas, fees.MaxPriorityFeePerGas, _time.GetUtcNow());

        // Persisted before it is sent, like the first attempt; if another process replaced meanwhile, its attempt is sent instead.
        var updated = await _store.AddAttemptAsync(record, attempt, cancellationToken).ConfigureAwait(false);
        if (updated.IsFinished)
        {
            return updated;
        }

        if (updated.Latest.Hash == attempt.Hash)
        {
            TransactionManagerLog.Replaced(_logger, record.IntentId, _options.ReplacementTimeout, latest.Hash, attempt.Hash, fees.MaxFeePerGas.ToString(CultureInfo.InvariantCulture), fees.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture));
        }

        await BroadcastAsync(updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    private async Task BroadcastAsync(TransactionRecord record, CancellationToken cancellationToken)
    {
        var attempt = record.Latest;
        try
        {
            await _rpc.SendRawTransactionAsync(attempt.Raw, cancellationToken).ConfigureAwait(false);
            TransactionManagerLog.Sent(_logger, record.IntentId, attempt.Number, attempt.Hash);
        }
        catch (JsonRpcException ex) when (ex.Kind is JsonRpcErrorKind.AlreadyKnown
            or JsonRpcErrorKind.NonceTooLow
            or JsonRpcErrorKind.ReplacementUnderpriced
            or JsonRpcErrorKind.FeeTooLow)
        {
            // Already in the pool, already mined (the receipt loop tells whether it was ours), an attempt with higher
            // fees is in the pool, or fees too low for now (the replacement raises them): all resolve by waiting.
            TransactionManagerLog.SendTolerated(_logger, record.IntentId, ex.Kind.ToString(), attempt.Hash);
        }

        if (Hooks.AfterSendAsync is { } afterSend)
        {
            await afterSend(record, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TransactionReceipt?> FindReceiptAsync(TransactionRecord record, CancellationToken cancellationToken)
    {
        // Newest first: after a replacement the newest attempt is the likely winner.
        for (var i = record.Attempts.Count - 1; i >= 0; i--)
        {
            var receipt = await _rpc.GetTransactionReceiptAsync(record.Attempts[i].Hash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt;
            }
        }

        return null;
    }

    private async Task<TransactionOutcome> FinishAsync(TransactionRecord record, TransactionReceipt receipt, BigInteger head, CancellationToken cancellationToken)
    {
        RevertReason? revert = null;
        byte[]? revertData = null;
        if (!receipt.Succeeded)
        {
            (revertData, revert) = await ReplayRevertAsync(record, receipt, cancellationToken).ConfigureAwait(false);
            TransactionManagerLog.Reverted(_logger, record.IntentId, revert.Message);
        }

        var status = receipt.Succeeded ? TransactionStatus.Confirmed : TransactionStatus.Reverted;
        await _store.CompleteAsync(record.IntentId, status, receipt.TransactionHash, receipt.BlockNumber, revertData, cancellationToken).ConfigureAwait(false);
        TransactionManagerLog.Confirmed(_logger, record.IntentId, receipt.TransactionHash, receipt.BlockNumber.ToString(CultureInfo.InvariantCulture), head.ToString(CultureInfo.InvariantCulture), receipt.Succeeded);
        return new TransactionOutcome
        {
            IntentId = record.IntentId,
            TransactionHash = receipt.TransactionHash,
            Nonce = record.Nonce,
            Receipt = receipt,
            Attempts = record.Attempts.Count,
            ConfirmedAtBlock = head,
            Revert = revert,
        };
    }

    private async Task<TransactionOutcome?> FinishedOutcomeAsync(TransactionRecord record, CancellationToken cancellationToken)
    {
        var receipt = await _rpc.GetTransactionReceiptAsync(record.MinedHash!, cancellationToken).ConfigureAwait(false);
        if (receipt is null)
        {
            // Reorganized away (or another node): wait for it again like any sent transaction.
            TransactionManagerLog.ReceiptLost(_logger, record.IntentId, record.MinedHash!);
            return null;
        }

        var head = await _rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        return new TransactionOutcome
        {
            IntentId = record.IntentId,
            TransactionHash = receipt.TransactionHash,
            Nonce = record.Nonce,
            Receipt = receipt,
            Attempts = record.Attempts.Count,
            ConfirmedAtBlock = head,
            Revert = receipt.Succeeded ? null : RevertDecoder.Decode((record.RevertData ?? ReadOnlyMemory<byte>.Empty).Span, _options.KnownErrors),
        };
    }

    private async Task<(byte[] Data, RevertReason Reason)> ReplayRevertAsync(TransactionRecord record, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        var attempt = record.Attempts.FirstOrDefault(a => a.Hash == receipt.TransactionHash) ?? record.Latest;
        var transaction = Decode(record.IntentId, attempt.Raw);
        var gasLimit = transaction.GasLimit ?? BigInteger.Zero;
        var call = new CallRequest
        {
            From = record.From,
            To = string.IsNullOrEmpty(transaction.ReceiverAddress) ? null : Address.Parse(transaction.ReceiverAddress),
            Data = Hex.Decode(transaction.Data ?? "0x"),
            Value = transaction.Amount ?? BigInteger.Zero,
            Gas = gasLimit,
        };

        // The parent block's state is what the transaction ran against (exactly so when it was alone in its block).
        var block = BlockParameter.FromNumber(BigInteger.Max(receipt.BlockNumber - 1, BigInteger.Zero));
        try
        {
            await _rpc.CallAsync(call, block, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException ex)
        {
            var data = ex.RevertData.ToArray();
            return (data, RevertDecoder.Decode(data, _options.KnownErrors));
        }

        var why = receipt.GasUsed >= gasLimit
            ? $"ran out of gas (used all {gasLimit})"
            : "reverted on chain, but replaying the call before its block did not revert (state changed within the block)";
        return ([], new RevertReason(RevertKind.Empty, why, ReadOnlyMemory<byte>.Empty));
    }

    private static Transaction1559 Decode(string intentId, ReadOnlyMemory<byte> raw) =>
        TransactionFactory.CreateTransaction(raw.ToArray()) as Transaction1559
        ?? throw new InvalidOperationException($"Intent {intentId}: the stored transaction is not EIP-1559.");

    private async Task<long> GetChainIdAsync(CancellationToken cancellationToken)
    {
        // Zero is no valid chain id, so it marks "not asked yet"; a race only asks the node twice.
        var known = Interlocked.Read(ref _chainId);
        if (known != 0)
        {
            return known;
        }

        var chainId = (long)await _rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _chainId, chainId);
        return chainId;
    }

    private static byte[] Fingerprint(Address from, TransactionIntent intent)
    {
        // Length-prefixed fields, so (to, data) pairs cannot collide by shifting bytes between them.
        var to = intent.To is { } recipient ? recipient.ToArray() : [];
        byte[] payload = [.. from.Bytes, (byte)to.Length, .. to, .. Hex.ToBytes(intent.Value, 32), .. intent.Data.Span];
        return Sha3Keccack.Current.CalculateHash(payload);
    }
}
