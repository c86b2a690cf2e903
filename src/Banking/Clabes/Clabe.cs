using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PaymentFunctions.Banking.Clabes;

/// <summary>
/// A validated CLABE (Clave Bancaria Estandarizada): the 18-digit account number SPEI routes by.
/// Holding one means the digits were checked, so code past the API edge never re-validates.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> masks all but the last four digits so a CLABE can be logged safely;
/// use <see cref="Value"/> when the full number is needed (wire formats, storage).
/// </remarks>
public readonly record struct Clabe
{
    /// <summary>Number of digits in every CLABE.</summary>
    public const int Length = 18;

    private static readonly int[] Weights = [3, 7, 1];

    private readonly string? _value;

    private Clabe(string value) => _value = value;

    /// <summary>The 18 digits, unmasked.</summary>
    public string Value => _value ?? throw new InvalidOperationException("Default Clabe has no value.");

    /// <summary>The three-digit ABM code of the bank holding the account.</summary>
    public string BankCode => Value[..3];

    /// <summary>The three-digit plaza (branch city) code.</summary>
    public string PlazaCode => Value[3..6];

    /// <summary>The eleven-digit account number.</summary>
    public string AccountNumber => Value[6..17];

    /// <summary>The control digit (weights 3, 7, 1).</summary>
    public int CheckDigit => Value[17] - '0';

    /// <summary>The bank's short name for common ABM codes, or <c>null</c> when the code is not in the table.</summary>
    public string? BankName => ClabeBanks.NameOf(BankCode);

    /// <summary>Parses and validates a CLABE, throwing a <see cref="FormatException"/> that names what is wrong.</summary>
    public static Clabe Parse(string? value) =>
        TryParse(value, out var clabe, out var error) ? clabe : throw new FormatException(error);

    /// <summary>Parses and validates a CLABE.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Clabe clabe) => TryParse(value, out clabe, out _);

    /// <summary>Parses and validates a CLABE; on failure <paramref name="error"/> says what is wrong (length, non-digits or check digit).</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? value,
        out Clabe clabe,
        [NotNullWhen(false)] out string? error)
    {
        clabe = default;
        if (string.IsNullOrEmpty(value))
        {
            error = "CLABE is empty; expected 18 digits.";
            return false;
        }

        if (value.Length != Length)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"CLABE must have 18 digits but has {value.Length} characters.");
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"CLABE must contain only digits; position {i + 1} is not a digit.");
                return false;
            }
        }

        var expected = ComputeCheckDigit(value.AsSpan(0, Length - 1));
        if (value[Length - 1] - '0' != expected)
        {
            error = "CLABE check digit is wrong.";
            return false;
        }

        clabe = new Clabe(value);
        error = null;
        return true;
    }

    /// <summary>
    /// Builds a valid CLABE from its parts by appending the check digit; used by tests and the simulator to mint accounts.
    /// </summary>
    /// <param name="bankCode">Three digits.</param>
    /// <param name="plazaCode">Three digits.</param>
    /// <param name="accountNumber">Up to eleven digits; left-padded with zeros.</param>
    public static Clabe Create(string bankCode, string plazaCode, string accountNumber)
    {
        RequireDigits(bankCode, 3, nameof(bankCode));
        RequireDigits(plazaCode, 3, nameof(plazaCode));
        ArgumentNullException.ThrowIfNull(accountNumber);
        if (accountNumber.Length is 0 or > 11 || !accountNumber.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Account number must be 1 to 11 digits.", nameof(accountNumber));
        }

        var body = bankCode + plazaCode + accountNumber.PadLeft(11, '0');
        return new Clabe(body + (char)('0' + ComputeCheckDigit(body)));
    }

    /// <summary>Computes the control digit over the first 17 digits: weights 3, 7, 1 repeating; (10 - sum mod 10) mod 10.</summary>
    public static int ComputeCheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Exactly 17 digits are needed to compute a CLABE check digit.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var digit = first17[i] - '0';
            if (digit is < 0 or > 9)
            {
                throw new ArgumentException("CLABE digits must be 0-9.", nameof(first17));
            }

            sum += digit * Weights[i % 3] % 10;
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary>Masked form, e.g. <c>**************9719</c>: safe for logs.</summary>
    public override string ToString() => _value is null ? string.Empty : new string('*', Length - 4) + _value[^4..];

    private static void RequireDigits(string value, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != length || !value.All(char.IsAsciiDigit))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Must be exactly {length} digits."), name);
        }
    }
}
