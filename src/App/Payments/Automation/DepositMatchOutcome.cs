namespace PaymentFunctions.App.Payments.Automation;

/// <summary>What <see cref="DepositMatcher"/> did with one Juno transaction.</summary>
public enum DepositMatchOutcome
{
    /// <summary>Not a completed ISSUANCE into a CLABE: nothing to match.</summary>
    Ignored,

    /// <summary>No payment awaits this amount on this CLABE, and none claimed it before.</summary>
    Unmatched,

    /// <summary>A payment claimed the deposit now and its orchestration was told.</summary>
    Matched,

    /// <summary>A payment had claimed it, but its orchestration still waited: it was told again.</summary>
    Reraised,

    /// <summary>A payment had claimed it and its orchestration moved on: nothing to do.</summary>
    AlreadyMatched,
}
