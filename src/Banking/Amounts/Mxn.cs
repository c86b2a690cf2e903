using System.Globalization;
using System.Numerics;

namespace PaymentFunctions.Banking.Amounts;

/// <summary>
/// An amount of Mexican pesos: a non-negative <see cref="decimal"/> with exactly two decimal places.
/// </summary>
/// <remarks>
/// Construction rejects anything finer than a centavo instead of rounding, so an amount that reaches a bank
/// call is always the amount the caller meant.
/// </remarks>
public readonly record struct Mxn : IComparable<Mxn>
{
    /// <summary>Juno refuses redemptions (and issues no MXNB for deposits) below this amount.</summary>
    public static readonly Mxn MinimumRedemption = new(100.00m);

    /// <summary>Zero pesos.</summary>
    public static readonly Mxn Zero = new(0.00m);

    private Mxn(decimal amount) => Amount = decimal.Round(amount, 2) + 0.00m;

    /// <summary>The amount, always with scale 2 (e.g. <c>100.00</c>).</summary>
    public decimal Amount { get; }

    /// <summary>Whole centavos (amount × 100).</summary>
    public long Centavos => decimal.ToInt64(Amount * 100m);

    /// <summary>True when the amount is at least the 100 MXN minimum for redemptions and issuances.</summary>
    public bool MeetsRedemptionMinimum => Amount >= MinimumRedemption.Amount;

    /// <summary>Creates an amount, rejecting negatives and more than two decimal places.</summary>
    public static Mxn Of(decimal amount)
    {
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An MXN amount cannot be negative.");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentException("An MXN amount has at most two decimal places.", nameof(amount));
        }

        return new Mxn(amount);
    }

    /// <summary>Creates an amount from whole centavos.</summary>
    public static Mxn FromCentavos(long centavos) => Of(centavos / 100m);

    /// <summary>Parses an invariant-culture decimal string such as <c>"1500.50"</c>.</summary>
    public static Mxn Parse(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new FormatException("An MXN amount must be a non-negative decimal number such as 1500.50.");
        }

        return Of(amount);
    }

    /// <summary>Throws when the amount is under the 100 MXN minimum Juno enforces for redemptions.</summary>
    public Mxn EnsureRedeemable() =>
        MeetsRedemptionMinimum
            ? this
            : throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "Redemptions must be at least 100.00 MXN.");

    /// <summary>Adds two amounts.</summary>
    public static Mxn operator +(Mxn left, Mxn right) => new(left.Amount + right.Amount);

    /// <summary>Subtracts, refusing to go below zero.</summary>
    public static Mxn operator -(Mxn left, Mxn right) => Of(left.Amount - right.Amount);

    /// <inheritdoc />
    public int CompareTo(Mxn other) => Amount.CompareTo(other.Amount);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(Mxn left, Mxn right) => left.Amount < right.Amount;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(Mxn left, Mxn right) => left.Amount > right.Amount;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(Mxn left, Mxn right) => left.Amount <= right.Amount;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(Mxn left, Mxn right) => left.Amount >= right.Amount;

    /// <summary>Converts to MXNB base units (1 MXN = 1 MXNB = 10^6 base units); always exact.</summary>
    public MxnbAmount ToMxnb() => MxnbAmount.FromBaseUnits(new BigInteger(Centavos) * 10_000);

    /// <summary>Invariant form with two decimals, e.g. <c>1500.50</c>; the form Juno's API takes.</summary>
    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
