namespace PaymentFunctions.LocalStack.Juno;

/// <summary>What happens to the SPEI payout of a redemption in the simulator.</summary>
public enum JunoPayoutMode
{
    /// <summary>The payout settles at once; the redemption is COMPLETE.</summary>
    Settle,

    /// <summary>The receiving bank returns the payout; the redemption FAILS and the MXNB is credited back.</summary>
    Return,

    /// <summary>The redemption stays IN_PROGRESS until a control call settles or returns it.</summary>
    Manual,
}
