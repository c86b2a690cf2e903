namespace PaymentFunctions.KeyVault;

internal static class AssemblyMarker
{
}
