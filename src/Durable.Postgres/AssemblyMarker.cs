namespace PaymentFunctions.Durable.Postgres;

internal static class AssemblyMarker
{
}
