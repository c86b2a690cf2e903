using System.Globalization;
using System.Text.RegularExpressions;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Banking.Spei;

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>
/// The simulated Juno account: MXNB balance, transactions, CLABEs, bank accounts and idempotency keys. Every change
/// happens under one lock so balances and transactions always agree; changed transactions are published afterwards.
/// </summary>
internal sealed partial class JunoSimulatorState
{
    private const string TokensTransferredStep = "Tokens transferred";

    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly TimeProvider _time;
    private readonly Action<JunoTransaction> _publish;
    private readonly List<JunoTransaction> _transactions = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idempotency = new(StringComparer.Ordinal);
    private readonly List<JunoClabe> _clabes = [];
    private readonly List<JunoBankAccount> _bankAccounts = [];
    private readonly List<JunoDeposit> _deposits = [];
    private MxnbAmount _balance;
    private long _nextAccountNumber = 1;

    public JunoSimulatorState(Random random, TimeProvider time, Action<JunoTransaction> publish)
    {
        _random = random;
        _time = time;
        _publish = publish;
    }

    public JunoPayoutMode PayoutMode { get; set; }

    public MxnbAmount Balance
    {
        get
        {
            lock (_gate)
            {
                return _balance;
            }
        }
    }

    public IReadOnlyList<JunoTransaction> Transactions
    {
        get
        {
            lock (_gate)
            {
                return [.. _transactions];
            }
        }
    }

    public IReadOnlyList<JunoBankAccount> BankAccounts
    {
        get
        {
            lock (_gate)
            {
                return [.. _bankAccounts];
            }
        }
    }

    public JunoClabe CreateClabe()
    {
        lock (_gate)
        {
            var number = (_nextAccountNumber++).ToString(CultureInfo.InvariantCulture);
            var clabe = new JunoClabe { Clabe = Clabe.Create("710", "969", number).Value, CreatedAt = _time.GetUtcNow() };
            _clabes.Add(clabe);
            return clabe;
        }
    }

    /// <summary>The CLABEs created within the days given (the documented <c>start_date</c>/<c>end_date</c>), a page of them.</summary>
    public JunoPage<JunoClabe> ListClabes(DateOnly? startDate, DateOnly? endDate, int page, int pageSize)
    {
        lock (_gate)
        {
            return Paginate(CreatedWithin(_clabes, c => c.CreatedAt, startDate, endDate).ToList(), page, pageSize);
        }
    }

    public JunoClabe GetClabe(string clabe)
    {
        lock (_gate)
        {
            return _clabes.Find(c => c.Clabe == clabe)
                ?? throw new JunoSimulatorException(404, "clabe_not_found", "The CLABE does not belong to this account.");
        }
    }

    public JunoBankAccount AddBankAccount(string clabe, string legalName, string? tag)
    {
        if (!Clabe.TryParse(clabe, out var parsed, out var error))
        {
            throw new JunoSimulatorException(400, "invalid_clabe", error);
        }

        lock (_gate)
        {
            var account = new JunoBankAccount
            {
                Id = NewId(),
                Clabe = parsed.Value,
                RecipientLegalName = legalName,
                Tag = tag,
                Ownership = "THIRD_PARTY",
            };
            _bankAccounts.Add(account);
            return account;
        }
    }

    /// <summary>An incoming SPEI transfer to one of our CLABEs: an ISSUANCE that completes, or fails under 100 MXN.</summary>
    public JunoTransaction SpeiDeposit(string receiverClabe, decimal amount, string? senderName, string? senderClabe)
    {
        var mxn = ParseMxn(amount);
        var changes = new List<JunoTransaction>();
        JunoTransaction final;
        lock (_gate)
        {
            if (_clabes.Find(c => c.Clabe == receiverClabe) is null)
            {
                throw new JunoSimulatorException(404, "clabe_not_found", "The receiving CLABE does not belong to this account.");
            }

            var details = new JunoTransactionDetails
            {
                ReceiverClabe = receiverClabe,
                SenderName = senderName,
                SenderClabe = senderClabe,
                TrackingKey = TrackingKey.Derive(NewId(), 1, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), "SIM").Value,
            };
            _deposits.Add(new JunoDeposit
            {
                Id = NewId(),
                Amount = mxn.Amount,
                ReceiverClabe = receiverClabe,
                SenderClabe = senderClabe,
                SenderName = senderName,
                TrackingKey = details.TrackingKey,
                CreatedAt = _time.GetUtcNow(),
            });
            var tx = Add(JunoTransactionType.Issuance, mxn.Amount, "MXN", "SPEI", details, changes);
            if (mxn.MeetsRedemptionMinimum)
            {
                _balance += mxn.ToMxnb();
                final = Update(tx.Id, JunoTransactionStatus.Complete, null, changes);
            }
            else
            {
                final = Update(tx.Id, JunoTransactionStatus.Failed, null, changes, "Deposits under 100 MXN do not issue MXNB; funds returned to sender.");
            }
        }

        Publish(changes);
        return final;
    }

    /// <summary>MXNB that arrived at the simulator's deposit address.</summary>
    public JunoTransaction CryptoDeposit(decimal amount, string fromAddress, string? txHash)
    {
        var tokens = ParseTokens(amount);
        var changes = new List<JunoTransaction>();
        JunoTransaction final;
        lock (_gate)
        {
            var details = new JunoTransactionDetails { Address = fromAddress, Blockchain = "ARBITRUM", Asset = "MXNB", TxHash = txHash };
            var tx = Add(JunoTransactionType.CryptoDeposit, tokens.ToTokens(), "mxnb", "BLOCKCHAIN", details, changes);
            _balance += tokens;
            final = Update(tx.Id, JunoTransactionStatus.Complete, null, changes);
        }

        Publish(changes);
        return final;
    }

    /// <summary>Records and debits a withdrawal; returns the existing one for a repeated idempotency key.</summary>
    public (JunoTransaction Transaction, bool Created) BeginWithdrawal(JunoWithdrawalRequest request, string? idempotencyKey)
    {
        var tokens = ParseTokens(ParseDecimal(request.Amount));
        if (!string.Equals(request.Asset, "MXNB", StringComparison.OrdinalIgnoreCase))
        {
            throw new JunoSimulatorException(400, "invalid_asset", "Only MXNB can be withdrawn.");
        }

        if (!string.Equals(request.Blockchain, "ARBITRUM", StringComparison.OrdinalIgnoreCase))
        {
            throw new JunoSimulatorException(400, "invalid_blockchain", "Only ARBITRUM is supported.");
        }

        if (!AddressPattern().IsMatch(request.Address))
        {
            throw new JunoSimulatorException(400, "invalid_address", "The address is not a valid EVM address.");
        }

        var changes = new List<JunoTransaction>();
        JunoTransaction tx;
        lock (_gate)
        {
            if (TryGetIdempotent("withdrawal", idempotencyKey, out var existing))
            {
                return (existing, false);
            }

            if (tokens.BaseUnits.IsZero)
            {
                throw new JunoSimulatorException(400, "invalid_amount", "The amount must be positive.");
            }

            Debit(tokens);
            var details = new JunoTransactionDetails { Address = request.Address, Blockchain = "ARBITRUM", Asset = "MXNB" };
            tx = Add(JunoTransactionType.CryptoWithdrawal, tokens.ToTokens(), "mxnb", "BLOCKCHAIN", details, changes);
            RememberIdempotent("withdrawal", idempotencyKey, tx.Id);
        }

        Publish(changes);
        return (tx, true);
    }

    public JunoTransaction CompleteWithdrawal(string id, string txHash) =>
        Change(id, JunoTransactionStatus.Complete, d => d with { TxHash = txHash }, null, refund: false);

    public JunoTransaction FailWithdrawal(string id, string reason) =>
        Change(id, JunoTransactionStatus.Failed, null, reason, refund: true);

    /// <summary>Burns MXNB and starts the SPEI payout; the payout mode decides how it ends.</summary>
    public JunoTransaction Redeem(JunoRedemptionRequest request, string? idempotencyKey)
    {
        var mxn = ParseMxn(ParseDecimal(request.Amount));
        var changes = new List<JunoTransaction>();
        JunoTransaction result;
        lock (_gate)
        {
            if (TryGetIdempotent("redemption", idempotencyKey, out var existing))
            {
                return existing;
            }

            if (!mxn.MeetsRedemptionMinimum)
            {
                throw new JunoSimulatorException(400, "minimum_amount", "Redemptions must be at least 100.00 MXN.");
            }

            JunoBankAccount? account = null;
            if (request.DestinationBankAccountId is { } accountId)
            {
                account = _bankAccounts.Find(a => a.Id == accountId)
                    ?? throw new JunoSimulatorException(404, "bank_account_not_found", "The destination bank account is not registered.");
            }

            Debit(mxn.ToMxnb());
            var id = NewId();
            var details = new JunoTransactionDetails
            {
                DestinationBankAccountId = account?.Id,
                ReceiverClabe = account?.Clabe,
                ReceiverName = account?.RecipientLegalName,
                TrackingKey = account is null ? null : TrackingKey.Derive(id, 1, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), "JUNO").Value,
            };
            var tx = Add(JunoTransactionType.Redemption, mxn.Amount, "MXN", account is null ? "INTERNAL" : "SPEI", details, changes, id);
            RememberIdempotent("redemption", idempotencyKey, tx.Id);
            result = (PayoutMode, account) switch
            {
                (_, null) or (JunoPayoutMode.Settle, _) => Update(tx.Id, JunoTransactionStatus.Complete, null, changes),
                (JunoPayoutMode.Return, _) => Refund(tx.Id, "Payout returned by the receiving bank.", changes),
                _ => tx,
            };
        }

        Publish(changes);
        return result;
    }

    public JunoTransaction SettlePayout(string id) => Change(id, JunoTransactionStatus.Complete, null, null, refund: false, JunoTransactionType.Redemption);

    public JunoTransaction ReturnPayout(string id) =>
        Change(id, JunoTransactionStatus.Failed, null, "Payout returned by the receiving bank.", refund: true, JunoTransactionType.Redemption);

    /// <summary>Issuance from MXN held at Juno (Bitso transfer); completes at once.</summary>
    public JunoTransaction Issue(JunoIssuanceRequest request, string? idempotencyKey)
    {
        var mxn = ParseMxn(ParseDecimal(request.Amount));
        var changes = new List<JunoTransaction>();
        JunoTransaction result;
        lock (_gate)
        {
            if (TryGetIdempotent("issuance", idempotencyKey, out var existing))
            {
                return existing;
            }

            var tx = Add(JunoTransactionType.Issuance, mxn.Amount, "MXN", "BITSO_TRANSFER", new JunoTransactionDetails { Asset = "MXNB", Blockchain = "ARBITRUM" }, changes);
            RememberIdempotent("issuance", idempotencyKey, tx.Id);
            if (mxn.MeetsRedemptionMinimum)
            {
                _balance += mxn.ToMxnb();
                result = Update(tx.Id, JunoTransactionStatus.Complete, null, changes);
            }
            else
            {
                result = Update(tx.Id, JunoTransactionStatus.Failed, null, changes, "Issuances must be at least 100 MXN.");
            }
        }

        Publish(changes);
        return result;
    }

    public JunoTransaction Get(string id)
    {
        lock (_gate)
        {
            return _index.TryGetValue(id, out var i)
                ? _transactions[i]
                : throw new JunoSimulatorException(404, "transaction_not_found", "No transaction with that id.");
        }
    }

    public JunoPage<JunoDeposit> ListDeposits(JunoDepositQuery query)
    {
        lock (_gate)
        {
            IEnumerable<JunoDeposit> items = _deposits;
            if (query.ReceiverClabe is { } receiver)
            {
                items = items.Where(d => d.ReceiverClabe == receiver);
            }

            if (query.SenderClabe is { } sender)
            {
                items = items.Where(d => d.SenderClabe == sender);
            }

            if (query.DepositStatus is { } status)
            {
                items = items.Where(d => string.Equals(d.Status, status, StringComparison.OrdinalIgnoreCase));
            }

            items = CreatedWithin(items, d => d.CreatedAt, query.StartDate, query.EndDate);
            return Paginate(items.Reverse().ToList(), query.Page, query.PageSize);
        }
    }

    public JunoPage<JunoTransaction> List(JunoTransactionQuery query)
    {
        lock (_gate)
        {
            IEnumerable<JunoTransaction> items = _transactions;
            if (query.Type is { } type)
            {
                items = items.Where(t => t.TransactionType == type);
            }

            if (query.Status is { } status)
            {
                items = items.Where(t => t.SummaryStatus == status);
            }

            if (query.AmountFrom is { } from)
            {
                items = items.Where(t => t.Amount >= from);
            }

            if (query.AmountTo is { } to)
            {
                items = items.Where(t => t.Amount <= to);
            }

            if (query.IsoDateFrom is { } dateFrom)
            {
                items = items.Where(t => t.CreatedAt >= dateFrom);
            }

            if (query.IsoDateTo is { } dateTo)
            {
                items = items.Where(t => t.CreatedAt <= dateTo);
            }

            // Newest first, as Juno lists them, unless asked for oldest first.
            return Paginate((query.OldestFirst ? items : items.Reverse()).ToList(), query.Page, query.Size);
        }
    }

    /// <summary>Entries whose creation day (UTC, the simulator's server time zone) lies within the inclusive range.</summary>
    private static IEnumerable<T> CreatedWithin<T>(IEnumerable<T> items, Func<T, DateTimeOffset> createdAt, DateOnly? start, DateOnly? end) =>
        items.Where(item => DateOnly.FromDateTime(createdAt(item).UtcDateTime) is var day && (start is null || day >= start) && (end is null || day <= end));

    private static JunoPage<T> Paginate<T>(IReadOnlyList<T> all, int page, int pageSize)
    {
        if (page < 1 || pageSize is < 1 or > 100)
        {
            throw new JunoSimulatorException(400, "invalid_pagination", "page must be >= 1 and page size 1..100.");
        }

        return new JunoPage<T>
        {
            TotalItems = all.Count,
            TotalPages = (all.Count + pageSize - 1) / pageSize,
            CurrentPage = page,
            PageSize = pageSize,
            Response = all.Skip((page - 1) * pageSize).Take(pageSize).ToList(),
        };
    }

    private JunoTransaction Change(
        string id,
        JunoTransactionStatus status,
        Func<JunoTransactionDetails, JunoTransactionDetails>? details,
        string? reason,
        bool refund,
        JunoTransactionType? expectedType = null)
    {
        var changes = new List<JunoTransaction>();
        JunoTransaction result;
        lock (_gate)
        {
            var current = Get(id);
            if (expectedType is { } type && current.TransactionType != type)
            {
                throw new JunoSimulatorException(409, "wrong_transaction_type", "The transaction is not a " + type + ".");
            }

            if (current.SummaryStatus.IsFinal())
            {
                throw new JunoSimulatorException(409, "transaction_final", "The transaction is already final.");
            }

            result = refund ? Refund(id, reason!, changes) : Update(id, status, details, changes, reason);
        }

        Publish(changes);
        return result;
    }

    private JunoTransaction Refund(string id, string reason, List<JunoTransaction> changes)
    {
        var tx = _transactions[_index[id]];
        _balance += MxnbAmount.FromTokens(tx.Amount);
        return Update(id, JunoTransactionStatus.Failed, null, changes, reason);
    }

    private JunoTransaction Add(
        JunoTransactionType type,
        decimal amount,
        string currency,
        string method,
        JunoTransactionDetails details,
        List<JunoTransaction> changes,
        string? id = null)
    {
        var now = _time.GetUtcNow();
        var tx = new JunoTransaction
        {
            Id = id ?? NewId(),
            Amount = amount,
            Currency = currency,
            TransactionType = type,
            Method = method,
            SummaryStatus = JunoTransactionStatus.InProgress,
            CreatedAt = now,
            UpdatedAt = now,
            Details = details,
            Timeline = [new JunoTransactionStep { Step = "REQUESTED", Status = JunoTransactionStatus.InProgress, Date = now }],
        };
        _index[tx.Id] = _transactions.Count;
        _transactions.Add(tx);
        changes.Add(tx);
        return tx;
    }

    private JunoTransaction Update(
        string id,
        JunoTransactionStatus status,
        Func<JunoTransactionDetails, JunoTransactionDetails>? details,
        List<JunoTransaction> changes,
        string? failureReason = null)
    {
        var i = _index[id];
        var current = _transactions[i];
        var newDetails = current.Details ?? new JunoTransactionDetails();
        newDetails = details?.Invoke(newDetails) ?? newDetails;
        if (failureReason is not null)
        {
            newDetails = newDetails with { FailureReason = failureReason };
        }

        // Strictly later than the previous state, so receivers can order deliveries by updated_at.
        var now = _time.GetUtcNow();
        var at = now > current.UpdatedAt ? now : current.UpdatedAt.AddTicks(10);
        var updated = current with
        {
            SummaryStatus = status,
            UpdatedAt = at,
            Details = newDetails,
            Timeline = [.. current.Timeline, Step(status, at, newDetails)],
        };
        _transactions[i] = updated;
        changes.Add(updated);
        return updated;
    }

    /// <summary>
    /// A timeline step for a new status, with its receipt: the chain hash, else the SPEI tracking key. A completion
    /// that moved tokens on chain is the step Juno names <c>Tokens transferred</c>; clients look it up by that name
    /// to read the chain hash from its receipt.
    /// </summary>
    private static JunoTransactionStep Step(JunoTransactionStatus status, DateTimeOffset at, JunoTransactionDetails details) => new()
    {
        Step = status switch
        {
            JunoTransactionStatus.Complete when details.TxHash is not null => TokensTransferredStep,
            JunoTransactionStatus.Complete => "COMPLETE",
            JunoTransactionStatus.Failed => "FAILED",
            JunoTransactionStatus.Pending => "PENDING",
            _ => "IN_PROGRESS",
        },
        Status = status,
        Date = at,
        Receipt = status == JunoTransactionStatus.Complete ? details.TxHash ?? details.TrackingKey : null,
    };

    private void Debit(MxnbAmount amount)
    {
        if (amount > _balance)
        {
            throw new JunoSimulatorException(400, "insufficient_balance", "The MXNB balance is too low for this operation.");
        }

        _balance -= amount;
    }

    private bool TryGetIdempotent(string kind, string? key, out JunoTransaction existing)
    {
        if (key is not null && _idempotency.TryGetValue(kind + ":" + key, out var id))
        {
            existing = _transactions[_index[id]];
            return true;
        }

        existing = null!;
        return false;
    }

    private void RememberIdempotent(string kind, string? key, string id)
    {
        if (key is not null)
        {
            _idempotency[kind + ":" + key] = id;
        }
    }

    private string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    private void Publish(List<JunoTransaction> changes)
    {
        foreach (var change in changes)
        {
            _publish(change);
        }
    }

    private static decimal ParseDecimal(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new JunoSimulatorException(400, "invalid_amount", "The amount must be a positive decimal string.");

    private static Mxn ParseMxn(decimal amount)
    {
        try
        {
            var mxn = Mxn.Of(amount);
            return mxn.Amount > 0m ? mxn : throw new JunoSimulatorException(400, "invalid_amount", "The amount must be positive.");
        }
        catch (ArgumentException ex)
        {
            throw new JunoSimulatorException(400, "invalid_amount", ex.Message);
        }
    }

    private static MxnbAmount ParseTokens(decimal amount)
    {
        try
        {
            return MxnbAmount.FromTokens(amount);
        }
        catch (ArgumentException ex)
        {
            throw new JunoSimulatorException(400, "invalid_amount", ex.Message);
        }
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressPattern();
}
