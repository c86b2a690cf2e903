using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.Payments.Tests.Persistence;

/// <summary>Valid CLABEs (correct check digit), each different, so tests never match each other's deposits.</summary>
public static class TestClabes
{
    private static long next = Random.Shared.NextInt64(1_000_000, 9_000_000_000);

    public static string Next() =>
        Clabe.Create("646", "180", Interlocked.Increment(ref next).ToString("D11", System.Globalization.CultureInfo.InvariantCulture)).Value;
}
