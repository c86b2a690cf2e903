namespace PaymentFunctions.App.Payments.Automation;

/// <summary>The result of matching one Juno transaction.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="PaymentId">The payment the deposit funds, when there is one.</param>
public sealed record DepositMatch(DepositMatchOutcome Outcome, string? PaymentId = null);
