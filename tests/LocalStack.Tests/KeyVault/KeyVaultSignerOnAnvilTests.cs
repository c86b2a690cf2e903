using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.KeyVault.Signing;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.KeyVault;

namespace PaymentFunctions.LocalStack.Tests.KeyVault;

/// <summary>The Key Vault signer as Nethereum sees it: an external account that Web3 signs and sends with.</summary>
public sealed class KeyVaultSignerOnAnvilTests
{
    [Fact]
    public async Task Web3_signs_an_eip1559_transaction_through_the_vault_and_anvil_mines_it_from_the_key_address()
    {
        await using var node = await AnvilNode.StartAsync();
        await using var vault = await KeyVaultEmulator.StartAsync();
        var client = vault.CreateClient();
        var key = await client.CreateEcKeyAsync("web3-sender", hardwareProtected: true);
        var signer = new KeyVaultSigner(client, "web3-sender");
        var keyAddress = Address.FromPublicKey([.. key.Key.X.Span, .. key.Key.Y.Span]);
        await node.SetBalanceAsync(keyAddress, BigInteger.Pow(10, 19));

        var account = new ExternalAccount(signer, node.ChainId);
        await account.InitialiseAsync();
        var rpc = new RpcClient(node.RpcUri);
        account.InitialiseDefaultTransactionManager(rpc);
        var web3 = new Web3(account, rpc);
        Assert.Equal(keyAddress, Address.Parse(account.Address));

        var recipient = LocalKeySigner.CreateRandom().Address;
        var raw = await web3.TransactionManager.SignTransactionAsync(new TransactionInput
        {
            From = account.Address,
            To = recipient.ToString(),
            Value = new HexBigInteger(12_345),
            Gas = new HexBigInteger(21_000),
            Type = new HexBigInteger(2),
            MaxPriorityFeePerGas = new HexBigInteger(1_000_000_000),
            MaxFeePerGas = new HexBigInteger(10_000_000_000),
            Nonce = new HexBigInteger(0),
        });
        var hash = await web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(raw);
        var receipt = await web3.TransactionManager.TransactionReceiptService.PollForReceiptAsync(hash);

        Assert.StartsWith("02", raw, StringComparison.Ordinal); // an EIP-1559 typed envelope
        Assert.Equal(BigInteger.One, receipt.Status.Value);
        Assert.Equal(keyAddress, Address.Parse(TransactionVerificationAndRecovery.GetSenderAddress(raw)));
        Assert.Equal(keyAddress, Address.Parse(receipt.From));
        Assert.Equal(new BigInteger(12_345), (await web3.Eth.GetBalance.SendRequestAsync(recipient.ToString())).Value);
    }
}
