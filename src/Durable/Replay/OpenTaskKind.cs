namespace PaymentFunctions.Durable.Replay;

internal enum OpenTaskKind
{
    Activity,
    Timer,
    SubOrchestration,
}
