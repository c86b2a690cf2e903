using System.Text.RegularExpressions;
using PaymentFunctions.Ethereum.Abi;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>Settings of a <see cref="TransactionManager"/>; every process sharing a database must use the same table names.</summary>
public sealed partial record TransactionManagerOptions
{
    /// <summary>Blocks that must exist on top of (and including) the mined block before an outcome is reported; 1 means "mined".</summary>
    public int Confirmations { get; init; } = 1;

    /// <summary>How long a sent attempt may stay unmined before it is replaced with higher fees.</summary>
    public TimeSpan ReplacementTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How often receipts and the head block are polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Multiplies <c>eth_estimateGas</c> so state changes between estimation and mining do not run out of gas.</summary>
    public decimal GasLimitMultiplier { get; init; } = 1.2m;

    /// <summary>The fee policy.</summary>
    public FeePolicy Fees { get; init; } = new();

    /// <summary>Custom errors (beyond <c>Error</c> and <c>Panic</c>) used to decode reverts, e.g. the called contracts' errors.</summary>
    public IReadOnlyList<AbiError> KnownErrors { get; init; } = [];

    /// <summary>The PostgreSQL schema holding the tables.</summary>
    public string Schema { get; init; } = "chain";

    /// <summary>The table of next nonces per (chain id, address).</summary>
    public string NoncesTable { get; init; } = "nonces";

    /// <summary>The table with one row per intent.</summary>
    public string TransactionsTable { get; init; } = "transactions";

    /// <summary>The table with every signed attempt of every intent.</summary>
    public string AttemptsTable { get; init; } = "transaction_attempts";

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Confirmations, 1, nameof(Confirmations));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReplacementTimeout, TimeSpan.Zero, nameof(ReplacementTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(GasLimitMultiplier, 1m, nameof(GasLimitMultiplier));
        ArgumentNullException.ThrowIfNull(Fees);
        ArgumentNullException.ThrowIfNull(KnownErrors);
        Fees.Validate();
        foreach (var (name, value) in new[] { (nameof(Schema), Schema), (nameof(NoncesTable), NoncesTable), (nameof(TransactionsTable), TransactionsTable), (nameof(AttemptsTable), AttemptsTable) })
        {
            // Names are spliced into SQL, so only plain lower-case identifiers are accepted.
            if (value is null || !Identifier().IsMatch(value))
            {
                throw new ArgumentException($"{name} must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63 characters).", name);
            }
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
