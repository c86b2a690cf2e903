using System.Numerics;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.Ethereum.Rlp;

namespace PaymentFunctions.Ethereum.Transactions;

/// <summary>Decodes raw signed transactions (legacy and EIP-1559).</summary>
public static class TransactionDecoder
{
    /// <summary>
    /// Decodes a raw signed transaction and checks that re-encoding gives the same bytes, so the
    /// returned object always describes exactly what was signed.
    /// </summary>
    /// <exception cref="FormatException">The bytes are not a supported signed transaction.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new FormatException("A raw transaction is required.");
        }

        SignedTransaction signed;
        try
        {
            if (raw[0] >= 0xc0)
            {
                signed = DecodeLegacy(RlpDecoder.Decode(raw));
            }
            else if (raw[0] == (byte)TransactionType.Eip1559)
            {
                signed = DecodeEip1559(RlpDecoder.Decode(raw[1..]));
            }
            else
            {
                throw new FormatException($"Unsupported transaction type 0x{raw[0]:x2}.");
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new FormatException("The raw transaction is malformed: " + ex.Message, ex);
        }

        if (!signed.Raw.Span.SequenceEqual(raw))
        {
            throw new FormatException("The transaction is not canonically encoded.");
        }

        return signed;
    }

    private static SignedTransaction DecodeLegacy(RlpItem item)
    {
        var f = Fields(item, 9, "legacy");
        var v = f[6].ToInteger();
        BigInteger? chainId;
        int recoveryId;
        if (v == 27 || v == 28)
        {
            chainId = null;
            recoveryId = (int)(v - 27);
        }
        else if (v >= 35)
        {
            chainId = (v - 35) / 2;
            recoveryId = (int)((v - 35) % 2);
        }
        else
        {
            throw new FormatException($"Invalid legacy v value {v}.");
        }

        var transaction = new LegacyTransaction
        {
            Nonce = f[0].ToInteger(),
            GasPrice = f[1].ToInteger(),
            GasLimit = f[2].ToInteger(),
            To = f[3].ToOptionalAddress(),
            Value = f[4].ToInteger(),
            Data = f[5].Bytes.ToArray(),
            ChainId = chainId,
        };
        return transaction.WithSignature(new EcdsaSignature(f[7].ToInteger(), f[8].ToInteger(), recoveryId));
    }

    private static SignedTransaction DecodeEip1559(RlpItem item)
    {
        var f = Fields(item, 12, "EIP-1559");
        var yParity = f[9].ToInteger();
        if (yParity > 1)
        {
            throw new FormatException($"Invalid y parity {yParity}.");
        }

        var transaction = new Eip1559Transaction
        {
            ChainId = f[0].ToInteger(),
            Nonce = f[1].ToInteger(),
            MaxPriorityFeePerGas = f[2].ToInteger(),
            MaxFeePerGas = f[3].ToInteger(),
            GasLimit = f[4].ToInteger(),
            To = f[5].ToOptionalAddress(),
            Value = f[6].ToInteger(),
            Data = f[7].Bytes.ToArray(),
            AccessList = f[8].Items.Select(DecodeAccessListEntry).ToArray(),
        };
        return transaction.WithSignature(new EcdsaSignature(f[10].ToInteger(), f[11].ToInteger(), (int)yParity));
    }

    private static AccessListEntry DecodeAccessListEntry(RlpItem item)
    {
        var f = Fields(item, 2, "access list entry");
        var address = f[0].ToOptionalAddress() ?? throw new FormatException("An access list entry needs an address.");
        var keys = f[1].Items.Select(k => k.Bytes.Length == 32 ? k.Bytes.ToArray() : throw new FormatException("Storage keys have 32 bytes.")).ToArray();
        return new AccessListEntry(address, keys);
    }

    private static IReadOnlyList<RlpItem> Fields(RlpItem item, int count, string kind)
    {
        if (!item.IsList || item.Items.Count != count)
        {
            throw new FormatException($"A signed {kind} transaction is a list of {count} items.");
        }

        return item.Items;
    }
}
