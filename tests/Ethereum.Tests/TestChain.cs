using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.Ethereum.Tests;

/// <summary>Signs and sends EIP-1559 transactions with this library, for integration tests.</summary>
internal static class TestChain
{
    public static async Task<TransactionReceipt> SendAsync(AnvilNode node, IEthExternalSigner signer, Address? to, byte[] data, BigInteger value = default)
    {
        var from = await signer.GetAddressAsync(CancellationToken.None);
        var gas = await node.Rpc.EstimateGasAsync(new CallRequest { From = from, To = to, Data = data, Value = value });
        var baseFee = (await node.Rpc.GetFeeHistoryAsync(1)).NextBaseFee;
        var nonce = await node.Rpc.GetTransactionCountAsync(from, BlockParameter.Pending);
        var tx = new Transaction1559(node.ChainId, nonce, 1_000_000, (baseFee * 2) + 1_000_000, gas * 12 / 10, to?.ToLowerHex(), value, Hex.Encode(data), []);
        var signed = await signer.SignEip1559Async(tx, from);
        return await node.Rpc.WaitForReceiptAsync(await node.Rpc.SendRawTransactionAsync(signed.Raw));
    }

    /// <summary>The committed contract artifact (ABI + bytecode) JSON, found by walking up to the repository.</summary>
    public static string ReadArtifact(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "contracts", "artifacts", name + ".json");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"contracts/artifacts/{name}.json not found above {AppContext.BaseDirectory}.");
    }
}
