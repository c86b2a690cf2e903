namespace PaymentFunctions.Ethereum.Rlp;

/// <summary>Recursive Length Prefix encoding, as in the Ethereum yellow paper, appendix B.</summary>
public static class RlpEncoder
{
    /// <summary>Encodes an item tree.</summary>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var buffer = new MemoryStream();
        Write(buffer, item);
        return buffer.ToArray();
    }

    /// <summary>Encodes a byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes) => Encode(RlpItem.FromBytes(bytes));

    private static void Write(MemoryStream buffer, RlpItem item)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes;
            if (bytes.Length == 1 && bytes[0] < 0x80)
            {
                buffer.WriteByte(bytes[0]);
                return;
            }

            WriteLength(buffer, bytes.Length, 0x80);
            buffer.Write(bytes);
            return;
        }

        var payload = new MemoryStream();
        foreach (var child in item.Items)
        {
            Write(payload, child);
        }

        WriteLength(buffer, checked((int)payload.Length), 0xc0);
        payload.Position = 0;
        payload.CopyTo(buffer);
    }

    private static void WriteLength(MemoryStream buffer, int length, byte offset)
    {
        if (length <= 55)
        {
            buffer.WriteByte((byte)(offset + length));
            return;
        }

        var lengthBytes = Hex.ToMinimalBytes(length);
        buffer.WriteByte((byte)(offset + 55 + lengthBytes.Length));
        buffer.Write(lengthBytes);
    }
}
