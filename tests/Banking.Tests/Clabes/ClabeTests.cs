using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.Banking.Tests.Clabes;

public sealed class ClabeTests
{
    private const string ValidExample = "032180000118359719";

    [Fact]
    public void Parses_documented_valid_example()
    {
        var clabe = Clabe.Parse(ValidExample);

        Assert.Equal(ValidExample, clabe.Value);
        Assert.Equal("032", clabe.BankCode);
        Assert.Equal("180", clabe.PlazaCode);
        Assert.Equal("00011835971", clabe.AccountNumber);
        Assert.Equal(9, clabe.CheckDigit);
        Assert.Equal("IXE", clabe.BankName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("03218000011835971")]
    [InlineData("0321800001183597190")]
    public void Rejects_wrong_length_naming_the_length(string input)
    {
        Assert.False(Clabe.TryParse(input, out _, out var error));
        Assert.Contains(input.Length == 0 ? "empty" : "18 digits", error, StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => Clabe.Parse(input));
        Assert.Equal(error, ex.Message);
    }

    [Theory]
    [InlineData("03218000011835971A", 18)]
    [InlineData("O32180000118359719", 1)]
    [InlineData("032180000 18359719", 10)]
    public void Rejects_letters_naming_the_position(string input, int position)
    {
        Assert.False(Clabe.TryParse(input, out _, out var error));
        Assert.Contains("only digits", error, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("032180000118359710")]
    [InlineData("032180000118359711")]
    [InlineData("132180000118359719")]
    [InlineData("032180000118359791")]
    public void Rejects_clabe_with_bad_check_digit(string input)
    {
        Assert.False(Clabe.TryParse(input, out _, out var error));
        Assert.Contains("check digit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(Clabe.TryParse(null, out _));
        Assert.Throws<FormatException>(() => Clabe.Parse(null));
    }

    [Fact]
    public void ToString_masks_all_but_last_four_digits()
    {
        var clabe = Clabe.Parse(ValidExample);

        Assert.Equal("**************9719", clabe.ToString());
        Assert.DoesNotContain("0321800001", $"{clabe}", StringComparison.Ordinal);
        Assert.DoesNotContain("0321800001", clabe.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("012", "BBVA México")]
    [InlineData("002", "Banamex")]
    [InlineData("014", "Santander")]
    [InlineData("021", "HSBC")]
    [InlineData("072", "Banorte")]
    [InlineData("044", "Scotiabank")]
    [InlineData("036", "Inbursa")]
    [InlineData("127", "Azteca")]
    [InlineData("646", "STP")]
    public void Names_common_banks(string code, string name)
    {
        var clabe = Clabe.Create(code, "180", "12345678901");
        Assert.Equal(name, clabe.BankName);
    }

    [Fact]
    public void Unknown_bank_code_has_no_name()
    {
        Assert.Null(Clabe.Create("999", "001", "1").BankName);
    }

    [Fact]
    public void Create_reproduces_documented_check_digit()
    {
        Assert.Equal(ValidExample, Clabe.Create("032", "180", "00011835971").Value);
    }

    [Fact]
    public void Created_clabes_parse_and_any_single_digit_change_breaks_them()
    {
        var random = new Random(7);
        for (var n = 0; n < 200; n++)
        {
            var account = random.NextInt64(0, 99_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var clabe = Clabe.Create("646", "180", account);
            Assert.True(Clabe.TryParse(clabe.Value, out var parsed));
            Assert.Equal(clabe, parsed);

            // Weights 3, 7 and 1 are coprime with 10, so changing any single digit must change the check.
            var position = random.Next(0, Clabe.Length);
            var chars = clabe.Value.ToCharArray();
            chars[position] = (char)('0' + ((chars[position] - '0' + random.Next(1, 10)) % 10));
            Assert.False(Clabe.TryParse(new string(chars), out _));
        }
    }

    [Fact]
    public void Create_rejects_malformed_parts()
    {
        Assert.Throws<ArgumentException>(() => Clabe.Create("12", "180", "1"));
        Assert.Throws<ArgumentException>(() => Clabe.Create("012", "18a", "1"));
        Assert.Throws<ArgumentException>(() => Clabe.Create("012", "180", "123456789012"));
    }
}
