using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Tests.Addresses;

public sealed class AddressTests
{
    // EIP-55 "Test Cases" section.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Formats_eip55_examples(string checksummed)
    {
        var address = Address.Parse(checksummed.ToLowerInvariant());
        Assert.Equal(checksummed, address.ToString());
        Assert.True(Address.IsChecksumValid(checksummed));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [InlineData("0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    public void Rejects_mixed_case_with_bad_checksum(string text)
    {
        Assert.False(Address.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Address.Parse(text));
        Assert.Contains("checksum", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedff")]
    [InlineData("0xzaaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    public void Rejects_malformed_text(string text)
    {
        Assert.False(Address.TryParse(text, out _));
    }

    [Fact]
    public void Derives_anvil_first_account_from_its_key()
    {
        var key = Hex.Decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var address = Address.FromPublicKey(new Nethereum.Signer.EthECKey(key, isPrivate: true).GetPubKeyNoPrefix());
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", address.ToString());
    }

    [Fact]
    public void Equality_is_by_value_and_default_is_zero()
    {
        var a = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        var b = Address.Parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(Address.Zero, Address.Parse("0x0000000000000000000000000000000000000000"));
        Assert.True(default(Address).IsZero);
        Assert.False(a.IsZero);
    }

    [Fact]
    public void Masked_form_hides_the_middle()
    {
        var address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        Assert.Equal("0x5aAe…eAed", address.ToMaskedString());
    }

    private sealed record Payee(Address Wallet);

    [Fact]
    public void Serializes_to_json_as_checksummed_string()
    {
        var payee = new Payee(Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        var json = System.Text.Json.JsonSerializer.Serialize(payee);
        Assert.Equal("{\"Wallet\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"}", json);
        Assert.Equal(payee, System.Text.Json.JsonSerializer.Deserialize<Payee>(json));
        Assert.Throws<System.Text.Json.JsonException>(() =>
            System.Text.Json.JsonSerializer.Deserialize<Payee>("{\"Wallet\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"}"));
    }

    [Fact]
    public void Converts_from_configuration_strings()
    {
        var converter = System.ComponentModel.TypeDescriptor.GetConverter(typeof(Address));
        Assert.Equal(
            Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
            converter.ConvertFromInvariantString(" 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266 "));
    }
}
