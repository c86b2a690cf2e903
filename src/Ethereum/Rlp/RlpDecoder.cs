namespace PaymentFunctions.Ethereum.Rlp;

/// <summary>
/// Strict RLP decoding: non-canonical encodings (a single low byte wrapped in a prefix, long forms for
/// short payloads, leading zeros in lengths, trailing bytes) are rejected, because two encodings of the
/// same transaction must never hash differently.
/// </summary>
public static class RlpDecoder
{
    /// <summary>Decodes exactly one item that spans all of <paramref name="encoded"/>.</summary>
    /// <exception cref="RlpException">The input is not canonical RLP.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        var item = ReadItem(encoded, out var consumed);
        if (consumed != encoded.Length)
        {
            throw new RlpException($"{encoded.Length - consumed} trailing bytes after the RLP item.");
        }

        return item;
    }

    private static RlpItem ReadItem(ReadOnlySpan<byte> input, out int consumed)
    {
        if (input.IsEmpty)
        {
            throw new RlpException("Unexpected end of RLP input.");
        }

        var prefix = input[0];
        if (prefix < 0x80)
        {
            consumed = 1;
            return RlpItem.FromBytes(input[..1]);
        }

        if (prefix < 0xc0)
        {
            var (offset, length) = ReadLength(input, 0x80);
            var bytes = input.Slice(offset, length);
            if (length == 1 && bytes[0] < 0x80)
            {
                throw new RlpException("A single byte below 0x80 must be encoded as itself.");
            }

            consumed = offset + length;
            return RlpItem.FromBytes(bytes);
        }

        var (listOffset, listLength) = ReadLength(input, 0xc0);
        var payload = input.Slice(listOffset, listLength);
        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            items.Add(ReadItem(payload, out var used));
            payload = payload[used..];
        }

        consumed = listOffset + listLength;
        return RlpItem.List(items);
    }

    private static (int Offset, int Length) ReadLength(ReadOnlySpan<byte> input, byte offset)
    {
        var prefix = input[0] - offset;
        int headerLength;
        long length;
        if (prefix <= 55)
        {
            headerLength = 1;
            length = prefix;
        }
        else
        {
            var lengthOfLength = prefix - 55;
            if (input.Length < 1 + lengthOfLength)
            {
                throw new RlpException("Unexpected end of RLP input in a length.");
            }

            var lengthBytes = input.Slice(1, lengthOfLength);
            if (lengthBytes[0] == 0)
            {
                throw new RlpException("An RLP length must not have leading zeros.");
            }

            if (lengthOfLength > 4)
            {
                throw new RlpException("RLP length too large.");
            }

            length = (long)Hex.ToBigInteger(lengthBytes);
            if (length <= 55)
            {
                throw new RlpException("Lengths up to 55 must use the short form.");
            }

            headerLength = 1 + lengthOfLength;
        }

        if (length > input.Length - headerLength)
        {
            throw new RlpException("RLP length runs past the end of the input.");
        }

        return (headerLength, (int)length);
    }
}
