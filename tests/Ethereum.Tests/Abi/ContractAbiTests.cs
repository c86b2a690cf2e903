using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Tests.Abi;

public sealed class ContractAbiTests
{
    private const string Json = """
        [
          {"type":"constructor","inputs":[{"name":"admin","type":"address"}]},
          {"type":"function","name":"getEscrow","stateMutability":"view",
           "inputs":[{"name":"escrowId","type":"uint256"}],
           "outputs":[{"name":"","type":"tuple","components":[
              {"name":"payer","type":"address"},{"name":"amount","type":"uint256"},{"name":"status","type":"uint8"}]}]},
          {"type":"function","name":"batch","inputs":[{"name":"items","type":"tuple[]","components":[
              {"name":"to","type":"address"},{"name":"memo","type":"string"}]}],"outputs":[]},
          {"type":"function","name":"f","inputs":[{"name":"a","type":"uint256"}],"outputs":[]},
          {"type":"function","name":"f","inputs":[{"name":"a","type":"bytes32"}],"outputs":[]},
          {"type":"event","name":"Released","anonymous":false,"inputs":[
              {"name":"escrowId","type":"uint256","indexed":true},{"name":"amount","type":"uint256","indexed":false}]},
          {"type":"error","name":"NotPayer","inputs":[{"name":"caller","type":"address"}]}
        ]
        """;

    [Fact]
    public void Reads_functions_events_and_errors()
    {
        var abi = ContractAbi.Parse(Json);

        Assert.Equal(4, abi.Functions.Count);
        Assert.Equal("getEscrow(uint256)", abi.GetFunction("getEscrow").Signature);
        Assert.Equal("(address,uint256,uint8)", abi.GetFunction("getEscrow").Outputs[0].Type.CanonicalName);
        Assert.Equal("payer", abi.GetFunction("getEscrow").Outputs[0].Type.Components[0].Name);
        Assert.Equal("batch((address,string)[])", abi.GetFunction("batch").Signature);
        Assert.Equal("memo", abi.GetFunction("batch").Inputs[0].Type.ElementType!.Components[1].Name);
        Assert.True(abi.GetEvent("Released").Inputs[0].Indexed);
        Assert.Equal("NotPayer(address)", abi.GetError("NotPayer").Signature);
    }

    [Fact]
    public void Overloads_need_their_signature()
    {
        var abi = ContractAbi.Parse(Json);
        Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("f"));
        Assert.Equal("f(bytes32)", abi.GetFunction("f(bytes32)").Signature);
        Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("missing"));
    }

    [Fact]
    public void Decodes_a_struct_return_value()
    {
        var getEscrow = ContractAbi.Parse(Json).GetFunction("getEscrow");
        var payer = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var output = AbiEncoder.Encode([getEscrow.Outputs[0].Type], [new object[] { payer, 5_000_000, 1 }]);

        var escrow = (object?[])getEscrow.DecodeOutput(output)[0]!;

        Assert.Equal(payer, escrow[0]);
        Assert.Equal(new BigInteger(5_000_000), escrow[1]);
        Assert.Equal(BigInteger.One, escrow[2]);
    }

    [Fact]
    public void Reads_the_committed_token_artifact()
    {
        using var artifact = System.Text.Json.JsonDocument.Parse(TestChain.ReadArtifact("MXNB"));
        var abi = ContractAbi.Parse(artifact.RootElement.GetProperty("abi"));

        Assert.Equal("0xa9059cbb", abi.GetFunction("transfer").SelectorHex);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", abi.GetEvent("Transfer").TopicHex);
        Assert.Contains(abi.Errors, e => e.Name == "ERC20InsufficientBalance");
    }

    [Fact]
    public void Rejects_non_abi_json()
    {
        Assert.Throws<FormatException>(() => ContractAbi.Parse("{\"abi\":1}"));
        Assert.Throws<FormatException>(() => ContractAbi.Parse("not json"));
    }
}
