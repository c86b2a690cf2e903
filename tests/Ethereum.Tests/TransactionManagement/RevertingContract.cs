using PaymentFunctions.Ethereum.Abi;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>Hand-assembled contract whose every call reverts with <c>Error(reason)</c>, so no compiler is needed.</summary>
internal static class RevertingContract
{
    /// <summary>Init code that deploys the reverting runtime code.</summary>
    public static byte[] InitCode(string reason)
    {
        var revertData = AbiError.ErrorString.Encode(reason);
        if (revertData.Length > 255)
        {
            throw new ArgumentException("Keep the reason short.", nameof(reason));
        }

        var length = (byte)revertData.Length;

        // Runtime: CODECOPY(0, 12, len) the trailer into memory, REVERT(0, len).
        byte[] runtime = [0x60, length, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, length, 0x60, 0x00, 0xfd, .. revertData];
        var size = (byte)runtime.Length;

        // Init: CODECOPY(0, 12, size) the runtime into memory, RETURN(0, size).
        byte[] init = [0x60, size, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, size, 0x60, 0x00, 0xf3];
        return [.. init, .. runtime];
    }
}
