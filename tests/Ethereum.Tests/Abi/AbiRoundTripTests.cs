using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Tests.Abi;

public sealed class AbiRoundTripTests
{
    [Fact]
    public void Random_integers_of_every_width_round_trip()
    {
        var random = new Random(42);
        for (var bits = 8; bits <= 256; bits += 8)
        {
            for (var i = 0; i < 10; i++)
            {
                var raw = new byte[bits / 8];
                random.NextBytes(raw);
                var unsigned = new BigInteger(raw, isUnsigned: true, isBigEndian: true);
                var signed = new BigInteger(raw, isUnsigned: false, isBigEndian: true);

                var types = new[] { AbiType.UInt(bits), AbiType.Int(bits) };
                var decoded = AbiDecoder.Decode(types, AbiEncoder.Encode(types, [unsigned, signed]));

                Assert.Equal(unsigned, decoded[0]);
                Assert.Equal(signed, decoded[1]);
            }
        }
    }

    [Fact]
    public void Random_dynamic_values_round_trip()
    {
        var random = new Random(7);
        var type = AbiType.Parse("(bytes,string,address[],bytes32[2])[]");
        for (var i = 0; i < 50; i++)
        {
            var rows = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
            {
                var bytes = new byte[random.Next(0, 100)];
                random.NextBytes(bytes);
                var text = new string(Enumerable.Range(0, random.Next(0, 70)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray()) + "€";
                var addresses = Enumerable.Range(0, random.Next(0, 3)).Select(_ => RandomAddress(random)).Cast<object>().ToArray();
                var words = new[] { RandomBytes(random, 32), RandomBytes(random, 32) };
                return new object[] { bytes, text, addresses, words };
            }).ToArray();

            var decoded = (object?[])AbiDecoder.Decode(type, AbiEncoder.Encode(type, rows))!;

            Assert.Equal(rows.Length, decoded.Length);
            for (var r = 0; r < rows.Length; r++)
            {
                var row = (object?[])decoded[r]!;
                Assert.Equal((byte[])rows[r][0], (byte[])row[0]!);
                Assert.Equal((string)rows[r][1], row[1]);
                Assert.Equal((object[])rows[r][2], (object?[])row[2]!);
                Assert.Equal(((byte[][])rows[r][3])[1], (byte[])((object?[])row[3]!)[1]!);
            }
        }
    }

    private static Address RandomAddress(Random random) => new(RandomBytes(random, 20));

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
