namespace PaymentFunctions.Banking;

internal static class AssemblyMarker
{
}
