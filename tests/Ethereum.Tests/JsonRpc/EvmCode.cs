using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Tests.JsonRpc;

/// <summary>Hand-assembled init code, so the JSON-RPC tests need no compiler.</summary>
internal static class EvmCode
{
    /// <summary>Init code that reverts with <paramref name="revertData"/> (CODECOPY the trailer, REVERT).</summary>
    public static byte[] RevertWith(byte[] revertData)
    {
        if (revertData.Length > 255)
        {
            throw new ArgumentException("Keep revert data under 256 bytes.", nameof(revertData));
        }

        var length = (byte)revertData.Length;
        byte[] prefix = [0x60, length, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, length, 0x60, 0x00, 0xfd];
        return [.. prefix, .. revertData];
    }

    /// <summary>Init code whose constructor emits LOG3(topic0, from, to) with a 32-byte <paramref name="value"/> as data.</summary>
    public static byte[] EmitTransferLog(byte[] topic0, Address from, Address to, byte value)
    {
        return
        [
            0x60, value, 0x60, 0x00, 0x52, // MSTORE(0, value)
            0x73, .. to.Bytes,             // topic 2
            0x73, .. from.Bytes,           // topic 1
            0x7f, .. topic0,               // topic 0
            0x60, 0x20, 0x60, 0x00, 0xa3,  // LOG3(offset 0, size 32, …)
            0x00,                          // STOP: deploys empty code
        ];
    }
}
