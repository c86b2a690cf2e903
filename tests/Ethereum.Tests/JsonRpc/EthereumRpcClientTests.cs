using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using Nethereum.Model;

namespace PaymentFunctions.Ethereum.Tests.JsonRpc;

public sealed class EthereumRpcClientTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly BigInteger OneEther = BigInteger.Pow(10, 18);

    private EthereumRpcClient Rpc => anvil.Node.Rpc;

    [Fact]
    public async Task Reports_chain_id_and_funded_dev_accounts()
    {
        Assert.Equal(new BigInteger(31337), await Rpc.GetChainIdAsync());
        Assert.True(await Rpc.GetBlockNumberAsync() >= 0);
        var balance = await Rpc.GetBalanceAsync(anvil.Node.DevSigners[9].Address);
        Assert.True(balance > 1000 * OneEther);
    }

    [Fact]
    public async Task Fee_history_has_one_more_base_fee_than_blocks()
    {
        var history = await Rpc.GetFeeHistoryAsync(1, BlockParameter.Latest, [25m, 75m]);
        Assert.Equal(2, history.BaseFeePerGas.Count);
        Assert.True(history.NextBaseFee > 0);
        Assert.True(await Rpc.GetMaxPriorityFeePerGasAsync() >= 0);
    }

    [Fact]
    public async Task Sends_a_signed_eip1559_transfer()
    {
        var sender = anvil.Node.DevSigners[1];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var value = OneEther / 3;

        var nonce = await Rpc.GetTransactionCountAsync(sender.Address, BlockParameter.Pending);
        var fees = await Rpc.GetFeeHistoryAsync(1);
        var tip = await Rpc.GetMaxPriorityFeePerGasAsync();
        var gas = await Rpc.EstimateGasAsync(new CallRequest { From = sender.Address, To = recipient, Value = value });
        var maxFee = (fees.NextBaseFee * 2) + tip;
        var tx = new Transaction1559(anvil.Node.ChainId, nonce, tip, maxFee, gas, recipient.ToLowerHex(), value, "0x", []);
        var signed = await sender.SignEip1559Async(tx, sender.Address);

        var hash = await Rpc.SendRawTransactionAsync(signed.Raw);

        Assert.Equal(signed.Hash, hash);
        var receipt = await Rpc.WaitForReceiptAsync(hash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(2, receipt.Type);
        Assert.Equal(sender.Address, receipt.From);
        Assert.Equal(recipient, receipt.To);
        Assert.Equal(new BigInteger(21000), receipt.GasUsed);
        Assert.Equal(value, await Rpc.GetBalanceAsync(recipient));

        var info = await Rpc.GetTransactionByHashAsync(hash);
        Assert.NotNull(info);
        Assert.True(info.IsMined);
        Assert.Equal(nonce, info.Nonce);
        Assert.Equal(maxFee, info.MaxFeePerGas);
        Assert.Equal(nonce + 1, await Rpc.GetTransactionCountAsync(sender.Address));
    }

    [Fact]
    public async Task Resending_a_mined_transaction_is_classified_as_nonce_too_low()
    {
        var sender = anvil.Node.DevSigners[3];
        var tx = new Transaction1559(
            anvil.Node.ChainId, await Rpc.GetTransactionCountAsync(sender.Address, BlockParameter.Pending), 1, (await Rpc.GetFeeHistoryAsync(1)).NextBaseFee * 2,
            21000, "0x3535353535353535353535353535353535353535", 1, "0x", []);
        var signed = await sender.SignEip1559Async(tx, sender.Address);
        await Rpc.WaitForReceiptAsync(await Rpc.SendRawTransactionAsync(signed.Raw));

        var error = await Assert.ThrowsAnyAsync<JsonRpcException>(() => Rpc.SendRawTransactionAsync(signed.Raw));

        Assert.Contains(error.Kind, new[] { JsonRpcErrorKind.NonceTooLow, JsonRpcErrorKind.AlreadyKnown });
        Assert.Equal("eth_sendRawTransaction", error.Method);
    }

    [Fact]
    public async Task Eth_call_revert_with_reason_surfaces_a_typed_exception()
    {
        var revertData = AbiError.ErrorString.Encode("escrow is not funded");

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() =>
            Rpc.CallAsync(new CallRequest { Data = EvmCode.RevertWith(revertData) }));

        Assert.Equal(RevertKind.Error, error.Reason.Kind);
        Assert.Equal("escrow is not funded", error.Reason.Message);
        Assert.Equal(revertData, error.RevertData.ToArray());
        Assert.Equal(JsonRpcErrorKind.ExecutionReverted, error.Kind);
    }

    [Fact]
    public async Task Estimate_gas_revert_decodes_custom_errors_known_to_the_client()
    {
        var notPayer = AbiError.Parse("error NotPayer(address caller, uint256 escrowId)");
        var caller = anvil.Node.DevSigners[4].Address;
        var client = anvil.Node.CreateRpcClient([notPayer]);

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() =>
            client.EstimateGasAsync(new CallRequest { From = caller, Data = EvmCode.RevertWith(notPayer.Encode(caller, 7)) }));

        Assert.Equal(RevertKind.Custom, error.Reason.Kind);
        Assert.Equal("NotPayer", error.Reason.ErrorName);
        Assert.Equal(caller, error.Reason.Arguments[0]);
        Assert.Equal(new BigInteger(7), error.Reason.Arguments[1]);
    }

    [Fact]
    public async Task Empty_revert_is_reported_as_empty()
    {
        var error = await Assert.ThrowsAsync<ContractRevertedException>(() =>
            Rpc.CallAsync(new CallRequest { Data = EvmCode.RevertWith([]) }));
        Assert.Equal(RevertKind.Empty, error.Reason.Kind);
    }

    [Fact]
    public async Task Logs_from_a_deployment_are_found_and_decoded()
    {
        var transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        var deployer = anvil.Node.DevSigners[5];
        var to = LocalKeySigner.CreateRandom().Address;
        var tx = new Transaction1559(
            anvil.Node.ChainId, await Rpc.GetTransactionCountAsync(deployer.Address, BlockParameter.Pending), 1, (await Rpc.GetFeeHistoryAsync(1)).NextBaseFee * 2,
            200_000, null, 0, Hex.Encode(EvmCode.EmitTransferLog(transfer.Topic.ToArray(), deployer.Address, to, 42)), []);

        var receipt = await Rpc.WaitForReceiptAsync(await Rpc.SendRawTransactionAsync((await deployer.SignEip1559Async(tx, deployer.Address)).Raw));
        Assert.True(receipt.Succeeded);
        var contract = Assert.IsType<Address>(receipt.ContractAddress);
        var receiptLog = Assert.Single(receipt.Logs);
        Assert.Equal(contract, receiptLog.Address);

        var logs = await Rpc.GetLogsAsync(new LogFilter
        {
            FromBlock = BlockParameter.FromNumber(receipt.BlockNumber),
            ToBlock = BlockParameter.FromNumber(receipt.BlockNumber),
            Addresses = [contract],
            Topics = [[transfer.Topic.ToArray()], null, [AbiEvent.EncodeTopic("address", to)]],
        });

        var log = Assert.Single(logs);
        Assert.Equal(receipt.TransactionHash, log.TransactionHash);
        var decoded = transfer.Decode(log.Topics, log.Data);
        Assert.Equal(deployer.Address, decoded["from"]);
        Assert.Equal(to, decoded["to"]);
        Assert.Equal(new BigInteger(42), decoded["value"]);
    }

    [Fact]
    public async Task Unknown_transaction_has_no_receipt()
    {
        var hash = "0x" + new string('1', 64);
        Assert.Null(await Rpc.GetTransactionReceiptAsync(hash));
        Assert.Null(await Rpc.GetTransactionByHashAsync(hash));
    }

    [Fact]
    public async Task Unknown_methods_map_to_method_not_found()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => Rpc.SendAsync("eth_doesNotExist", []));
        Assert.Equal(JsonRpcErrorKind.MethodNotFound, error.Kind);
        Assert.Equal(-32601, error.Code);
    }
}
