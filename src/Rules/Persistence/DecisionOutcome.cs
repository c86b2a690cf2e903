namespace PaymentFunctions.Rules.Persistence;

/// <summary>What recording an approval or rejection did.</summary>
public enum DecisionOutcome
{
    Recorded,
    AlreadyDecided,
    NotFound,
    NotAwaitingApproval,
}
