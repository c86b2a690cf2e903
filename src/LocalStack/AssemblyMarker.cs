namespace PaymentFunctions.LocalStack;

internal static class AssemblyMarker
{
}
