namespace PaymentFunctions.Ethereum;

internal static class AssemblyMarker
{
}
