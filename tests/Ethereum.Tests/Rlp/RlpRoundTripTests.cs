using PaymentFunctions.Ethereum.Rlp;

namespace PaymentFunctions.Ethereum.Tests.Rlp;

public sealed class RlpRoundTripTests
{
    [Fact]
    public void Random_trees_round_trip_and_re_encode_identically()
    {
        var random = new Random(1234);
        for (var i = 0; i < 300; i++)
        {
            var tree = RandomItem(random, depth: 0);
            var encoded = tree.Encode();
            var decoded = RlpDecoder.Decode(encoded);

            Assert.Equal(tree.ToString(), decoded.ToString());
            Assert.Equal(encoded, decoded.Encode());
        }
    }

    private static RlpItem RandomItem(Random random, int depth)
    {
        if (depth < 3 && random.Next(3) == 0)
        {
            var count = random.Next(0, 6);
            return RlpItem.List(Enumerable.Range(0, count).Select(_ => RandomItem(random, depth + 1)).ToArray());
        }

        // Lengths around the 1-byte, 55-byte and 256-byte boundaries.
        int[] lengths = [0, 1, 2, 55, 56, 255, 256, 1024];
        var bytes = new byte[lengths[random.Next(lengths.Length)]];
        random.NextBytes(bytes);
        return RlpItem.FromBytes(bytes);
    }
}
