using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.Transactions;

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
        var tx = new Eip1559Transaction
        {
            ChainId = anvil.Node.ChainId,
            Nonce = nonce,
            GasLimit = gas,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = (fees.NextBaseFee * 2) + tip,
            To = recipient,
            Value = value,
        };
        var signed = await tx.SignAsync(sender);

        var hash = await Rpc.SendRawTransactionAsync(signed.Raw);

        Assert.Equal(signed.HashHex, hash);
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
        Assert.Equal(tx.MaxFeePerGas, info.MaxFeePerGas);
        Assert.Equal(nonce + 1, await Rpc.GetTransactionCountAsync(sender.Address));
    }

    [Fact]
    public async Task Sends_a_signed_legacy_eip155_transfer()
    {
        var sender = anvil.Node.DevSigners[2];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var fees = await Rpc.GetFeeHistoryAsync(1);
        var tx = new LegacyTransaction
        {
            ChainId = anvil.Node.ChainId,
            Nonce = await Rpc.GetTransactionCountAsync(sender.Address, BlockParameter.Pending),
            GasPrice = fees.NextBaseFee * 2,
            GasLimit = 21000,
            To = recipient,
            Value = 12345,
        };

        var signed = await tx.SignAsync(sender);
        var receipt = await Rpc.WaitForReceiptAsync(await Rpc.SendRawTransactionAsync(signed.Raw));

        Assert.True(receipt.Succeeded);
        Assert.Equal(0, receipt.Type);
        Assert.Equal(new BigInteger(12345), await Rpc.GetBalanceAsync(recipient));
        Assert.Equal(sender.Address, SignedTransaction.Decode(signed.Raw.Span).RecoverSender());
    }

    [Fact]
    public async Task Resending_a_mined_transaction_is_classified_as_nonce_too_low()
    {
        var sender = anvil.Node.DevSigners[3];
        var tx = new Eip1559Transaction
        {
            ChainId = anvil.Node.ChainId,
            Nonce = await Rpc.GetTransactionCountAsync(sender.Address, BlockParameter.Pending),
            GasLimit = 21000,
            MaxPriorityFeePerGas = 1,
            MaxFeePerGas = (await Rpc.GetFeeHistoryAsync(1)).NextBaseFee * 2,
            To = Address.Parse("0x3535353535353535353535353535353535353535"),
            Value = 1,
        };
        var signed = await tx.SignAsync(sender);
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
        var tx = new Eip1559Transaction
        {
            ChainId = anvil.Node.ChainId,
            Nonce = await Rpc.GetTransactionCountAsync(deployer.Address, BlockParameter.Pending),
            GasLimit = 200_000,
            MaxPriorityFeePerGas = 1,
            MaxFeePerGas = (await Rpc.GetFeeHistoryAsync(1)).NextBaseFee * 2,
            Data = EvmCode.EmitTransferLog(transfer.Topic.ToArray(), deployer.Address, to, 42),
        };

        var receipt = await Rpc.WaitForReceiptAsync(await Rpc.SendRawTransactionAsync((await tx.SignAsync(deployer)).Raw));
        Assert.True(receipt.Succeeded);
        var contract = Assert.IsType<Address>(receipt.ContractAddress);
        var receiptLog = Assert.Single(receipt.Logs);
        Assert.Equal(contract, receiptLog.Address);

        var logs = await Rpc.GetLogsAsync(new LogFilter
        {
            FromBlock = BlockParameter.FromNumber(receipt.BlockNumber),
            ToBlock = BlockParameter.FromNumber(receipt.BlockNumber),
            Addresses = [contract],
            Topics = [[transfer.Topic.ToArray()], null, [AbiEvent.EncodeTopic(AbiType.Address, to)]],
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
