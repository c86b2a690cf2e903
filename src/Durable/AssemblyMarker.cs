namespace PaymentFunctions.Durable;

internal static class AssemblyMarker
{
}
