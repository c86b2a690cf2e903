using PaymentFunctions.Ethereum.Crypto;

namespace PaymentFunctions.Ethereum.Tests.Crypto;

public sealed class Keccak256Tests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("transfer(address,uint256)", "0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Hashes_published_vectors(string input, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Keccak256.HashUtf8(input)));
    }

    [Fact]
    public void Differs_from_nist_sha3()
    {
        var sha3OfEmpty = "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
        Assert.NotEqual(sha3OfEmpty, Hex.Encode(Keccak256.Hash([])));
    }
}
