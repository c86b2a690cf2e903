using System.Numerics;
using Nethereum.ABI.Model;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Tests.Abi;

public sealed class AbiEventTests
{
    private static readonly AbiEvent Transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    private static readonly Address From = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    private static readonly Address To = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    [Fact]
    public void Transfer_topic_is_the_erc20_one()
    {
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Transfer.TopicHex);
    }

    [Fact]
    public void Decodes_indexed_and_non_indexed_values()
    {
        var topics = new List<byte[]>
        {
            Transfer.Topic.ToArray(),
            AbiEvent.EncodeTopic("address", From),
            AbiEvent.EncodeTopic("address", To),
        };
        var data = AbiValues.Encode([new Parameter("uint256")], [new BigInteger(1_500_000)]);

        var decoded = Transfer.Decode(topics, data);

        Assert.Equal(From, decoded.Get<Address>("from"));
        Assert.Equal(To, decoded["to"]);
        Assert.Equal(new BigInteger(1_500_000), decoded.Get<BigInteger>("value"));
        Assert.Throws<KeyNotFoundException>(() => (object?)decoded["amount"]);
    }

    [Fact]
    public void Indexed_strings_come_back_as_their_hash()
    {
        var evt = AbiEvent.Parse("event Note(string indexed tag, string text, uint256 indexed id)");
        var topics = new List<byte[]>
        {
            evt.Topic.ToArray(),
            Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("refund")),
            AbiEvent.EncodeTopic("uint256", new BigInteger(42)),
        };
        var decoded = evt.Decode(topics, AbiValues.Encode([new Parameter("string")], ["hola"]));

        Assert.Equal(Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("refund")), decoded["tag"]);
        Assert.Equal("hola", decoded["text"]);
        Assert.Equal(new BigInteger(42), decoded["id"]);
    }

    [Fact]
    public void Rejects_logs_of_other_events_or_wrong_topic_count()
    {
        var approval = AbiEvent.Parse("event Approval(address indexed owner, address indexed spender, uint256 value)");
        var data = AbiValues.Encode([new Parameter("uint256")], [BigInteger.One]);
        Assert.Throws<FormatException>(() =>
            Transfer.Decode([approval.Topic.ToArray(), new byte[32], new byte[32]], data));
        Assert.Throws<FormatException>(() => Transfer.Decode([Transfer.Topic.ToArray(), new byte[32]], data));
        Assert.False(Transfer.Matches([approval.Topic.ToArray()]));
    }
}
