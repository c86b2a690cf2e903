using System.Globalization;
using System.Numerics;

namespace PaymentFunctions.Banking.Amounts;

/// <summary>
/// An amount of the MXNB token in base units (6 decimals): what the chain and the ERC-20 contract see.
/// </summary>
/// <remarks>MXNB is 1:1 with MXN, so 1.00 MXN is 1 000 000 base units and conversion is exact both ways when the
/// token amount is a whole number of centavos.</remarks>
public readonly record struct MxnbAmount : IComparable<MxnbAmount>
{
    /// <summary>Token decimals.</summary>
    public const int Decimals = 6;

    private static readonly BigInteger UnitsPerToken = BigInteger.Pow(10, Decimals);
    private static readonly BigInteger UnitsPerCentavo = BigInteger.Pow(10, Decimals - 2);

    private MxnbAmount(BigInteger baseUnits) => BaseUnits = baseUnits;

    /// <summary>Zero tokens.</summary>
    public static MxnbAmount Zero => default;

    /// <summary>The amount in base units (10^-6 MXNB).</summary>
    public BigInteger BaseUnits { get; }

    /// <summary>True when the amount converts to MXN without losing anything (a whole number of centavos).</summary>
    public bool IsWholeCentavos => BigInteger.Remainder(BaseUnits, UnitsPerCentavo).IsZero;

    /// <summary>True when the amount is at least the 100 MXN minimum redemption.</summary>
    public bool MeetsRedemptionMinimum => BaseUnits >= Mxn.MinimumRedemption.ToMxnb().BaseUnits;

    /// <summary>Creates an amount from base units; negative amounts are rejected.</summary>
    public static MxnbAmount FromBaseUnits(BigInteger baseUnits)
    {
        if (baseUnits.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baseUnits), "A token amount cannot be negative.");
        }

        return new MxnbAmount(baseUnits);
    }

    /// <summary>Creates an amount from a token quantity such as <c>12.345678</c>, rejecting more than 6 decimals.</summary>
    public static MxnbAmount FromTokens(decimal tokens)
    {
        if (tokens < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "A token amount cannot be negative.");
        }

        if (decimal.Round(tokens, Decimals) != tokens)
        {
            throw new ArgumentException("MXNB has at most 6 decimal places.", nameof(tokens));
        }

        // Split to avoid decimal overflow on very large amounts.
        var whole = decimal.Truncate(tokens);
        var fraction = (tokens - whole) * 1_000_000m;
        return new MxnbAmount(new BigInteger(whole) * UnitsPerToken + new BigInteger(fraction));
    }

    /// <summary>Converts an MXN amount (always exact).</summary>
    public static MxnbAmount FromMxn(Mxn mxn) => mxn.ToMxnb();

    /// <summary>The amount as a token quantity with up to 6 decimals.</summary>
    public decimal ToTokens()
    {
        var whole = BigInteger.DivRem(BaseUnits, UnitsPerToken, out var remainder);
        return (decimal)whole + (decimal)remainder / 1_000_000m;
    }

    /// <summary>Converts to MXN; throws when the amount has fractions of a centavo (use <see cref="TryToMxn"/>).</summary>
    public Mxn ToMxn() =>
        TryToMxn(out var mxn)
            ? mxn
            : throw new InvalidOperationException("The MXNB amount has fractions of a centavo and cannot be expressed exactly in MXN.");

    /// <summary>Converts to MXN when exact.</summary>
    public bool TryToMxn(out Mxn mxn)
    {
        var centavos = BigInteger.DivRem(BaseUnits, UnitsPerCentavo, out var remainder);
        if (!remainder.IsZero || centavos > long.MaxValue)
        {
            mxn = default;
            return false;
        }

        mxn = Mxn.FromCentavos((long)centavos);
        return true;
    }

    /// <summary>Adds two amounts.</summary>
    public static MxnbAmount operator +(MxnbAmount left, MxnbAmount right) => new(left.BaseUnits + right.BaseUnits);

    /// <summary>Subtracts, refusing to go below zero.</summary>
    public static MxnbAmount operator -(MxnbAmount left, MxnbAmount right) => FromBaseUnits(left.BaseUnits - right.BaseUnits);

    /// <inheritdoc />
    public int CompareTo(MxnbAmount other) => BaseUnits.CompareTo(other.BaseUnits);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(MxnbAmount left, MxnbAmount right) => left.BaseUnits < right.BaseUnits;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(MxnbAmount left, MxnbAmount right) => left.BaseUnits > right.BaseUnits;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(MxnbAmount left, MxnbAmount right) => left.BaseUnits <= right.BaseUnits;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(MxnbAmount left, MxnbAmount right) => left.BaseUnits >= right.BaseUnits;

    /// <summary>Token quantity with six decimals, e.g. <c>100.000000</c>.</summary>
    public override string ToString()
    {
        var whole = BigInteger.DivRem(BaseUnits, UnitsPerToken, out var remainder);
        return string.Create(CultureInfo.InvariantCulture, $"{whole}.{remainder:D6}");
    }
}
