using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules;

/// <summary>The <c>Rules</c> settings (the safety limits are <c>Rules:Safety</c>, <see cref="Safety.SafetyLimits"/>).</summary>
public sealed class RulesOptions
{
    public const string SectionName = "Rules";

    /// <summary>Who may create and run rules (approver names); empty lets every identified approver.</summary>
    public List<string> Requesters { get; set; } = [];

    /// <summary>Wallets that may be paid: address → when it was added (the new-recipient delay counts from then).</summary>
    public Dictionary<string, DateTimeOffset> Whitelist { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long an execution waits for its approvals before it expires with nothing sent.</summary>
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Mainnet executions are refused unless this is set (and each then needs a second confirmation).</summary>
    public bool MainnetEnabled { get; set; }

    /// <summary>The mode scheduled executions run in.</summary>
    public ExecutionMode ScheduledMode { get; set; } = ExecutionMode.Testnet;

    /// <summary>How often the head block is polled while a transfer waits for its confirmation depth.</summary>
    public TimeSpan ConfirmationPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts of a transfer before it counts as failed (transient chain trouble is retried).</summary>
    public int TransferAttempts { get; set; } = 4;

    /// <summary>The allowed requesters for <paramref name="requester"/>: the list, or the requester when the list is empty.</summary>
    public IReadOnlyCollection<string> AllowedRequesters(string requester) => this.Requesters.Count > 0 ? this.Requesters : [requester];

    /// <summary>The whitelist with lowercase addresses.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> NormalizedWhitelist() =>
        this.Whitelist.ToDictionary(w => w.Key.Trim().ToLowerInvariant(), w => w.Value, StringComparer.Ordinal);
}
