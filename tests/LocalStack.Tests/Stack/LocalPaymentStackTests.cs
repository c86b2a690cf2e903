using System.Net.Sockets;
using System.Numerics;
using Microsoft.Extensions.Options;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using Nethereum.Signer;
using Nethereum.Util;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.KeyVault.Keys;
using PaymentFunctions.KeyVault.Signing;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.KeyVault;
using PaymentFunctions.LocalStack.Stack;
using Npgsql;

namespace PaymentFunctions.LocalStack.Tests.Stack;

/// <summary>The whole local payment stack from one call, checked only through the settings the app would read.</summary>
public sealed class LocalPaymentStackTests
{
    private static readonly AbiFunction HasRole = AbiFunction.Parse("function hasRole(bytes32 role, address account) view returns (bool)");

    [Fact]
    public async Task Settings_point_at_live_services_and_a_juno_withdrawal_delivers_real_tokens_to_the_bridge()
    {
        var lines = new List<string>();
        await using var stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), new SynchronousProgress(lines), CancellationToken.None);
        var settings = stack.AppSettings;
        Assert.NotEmpty(lines);

        // PostgreSQL answers on the configured connection string.
        await using (var connection = new NpgsqlConnection(settings["ConnectionStrings:Payments"]))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select current_database()", connection);
            Assert.Equal(new NpgsqlConnectionStringBuilder(stack.Postgres).Database, (string?)await command.ExecuteScalarAsync());
        }

        // The chain answers, and the contracts named by the settings are deployed there.
        using var http = new HttpClient();
        var rpc = new EthereumRpcClient(http, new Uri(settings["Chain:RpcUrl"]));
        Assert.Equal(new BigInteger(stack.Anvil.ChainId), await rpc.GetChainIdAsync());
        var tokenAddress = Address.Parse(settings["Chain:TokenAddress"]);
        var escrowAddress = Address.Parse(settings["Chain:EscrowAddress"]);
        Assert.NotEmpty(await rpc.GetCodeAsync(tokenAddress));
        Assert.NotEmpty(await rpc.GetCodeAsync(escrowAddress));
        Assert.Equal(stack.PlatformDepositAddress, Address.Parse(settings["Chain:PlatformDepositAddress"]));
        Assert.Equal("1", settings["Chain:Confirmations"]);

        // The vault named by the settings, trusted only through the pinned thumbprint, holds the bridge key and signs with it.
        var vault = new KeyVaultKeyClient(
            new Uri(settings["Chain:KeyVaultUri"]),
            new StaticTokenCredential(),
            new KeyVaultKeyClientOptions().PinServerCertificate(settings["Chain:KeyVaultCertificateThumbprint"]));
        var bridge = new KeyVaultSigner(vault, settings["Chain:BridgeKeyName"]);
        Assert.Equal(stack.BridgeAddress, await bridge.GetAddressAsync(CancellationToken.None));
        var digest = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("local stack"));
        var signature = await bridge.SignAsync(digest);
        Assert.Equal(stack.BridgeAddress, Address.FromPublicKey(EthECKey.RecoverFromSignature(signature, digest).GetPubKey()));

        // The bridge may operate the escrow and has ether for gas; it holds no MXNB yet.
        var operatorRole = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("OPERATOR_ROLE"));
        Assert.True((bool)(await rpc.CallAsync(escrowAddress, HasRole, [operatorRole, stack.BridgeAddress]))[0]!);
        Assert.False((bool)(await rpc.CallAsync(escrowAddress, HasRole, [operatorRole, stack.Deployment.Admin]))[0]!);
        Assert.True(await rpc.GetBalanceAsync(stack.BridgeAddress) > BigInteger.Pow(10, 18));
        var token = new Erc20(rpc, tokenAddress);
        Assert.Equal(BigInteger.Zero, await token.BalanceOfAsync(stack.BridgeAddress));

        // Juno answers a signed request with the configured credentials and withdraws real MXNB to the bridge.
        var juno = new JunoClient(http, Options.Create(new JunoOptions
        {
            BaseAddress = new Uri(settings["Juno:BaseAddress"]),
            ApiKey = settings["Juno:ApiKey"],
            ApiSecret = settings["Juno:ApiSecret"],
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        }));
        stack.Juno.SimulateSpeiDeposit(stack.Juno.DefaultClabe, Mxn.Of(1500m));
        var withdrawal = await juno.CreateWithdrawalAsync(
            new JunoWithdrawalRequest { Amount = "1200", Address = stack.BridgeAddress.ToString() }, "stack-test:withdraw");
        Assert.Equal(JunoTransactionStatus.Complete, withdrawal.SummaryStatus);
        Assert.Equal(new BigInteger(1_200_000_000), await token.BalanceOfAsync(stack.BridgeAddress));
        Assert.True((await rpc.GetTransactionReceiptAsync(withdrawal.Details!.TxHash!))!.Succeeded);

        // Tokens the bridge sends to the deposit address come back to Juno as one CRYPTO_DEPOSIT.
        var transactor = new ContractTransactor(rpc, stack.Anvil.ChainId);
        await transactor.SendAsync(bridge, tokenAddress, Erc20.EncodeTransfer(stack.PlatformDepositAddress, 700_000_000), BigInteger.Zero);
        await stack.ScanDepositsAsync();
        var deposits = await juno.ListTransactionsAsync(new JunoTransactionQuery { Type = JunoTransactionType.CryptoDeposit });
        var deposit = Assert.Single(deposits.Response);
        Assert.Equal(700m, deposit.Amount);
        Assert.Equal(MxnbAmount.FromTokens(1000m), stack.Juno.MxnbBalance);
    }

    [Fact]
    public async Task Registers_bank_accounts_at_the_simulator()
    {
        await using var stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);
        var clabe = stack.Juno.DefaultClabe;

        var account = await stack.RegisterBankAccountAsync(clabe, "Vendedora de Prueba");

        using var http = new HttpClient();
        var juno = new JunoClient(http, Options.Create(stack.Juno.CreateClientOptions()));
        var listed = await juno.ListBankAccountsAsync();
        Assert.Contains(listed, a => a.Id == account.Id);
    }

    [Fact]
    public async Task Disposing_stops_anvil_the_vault_the_simulator_and_a_private_cluster()
    {
        var folder = Directory.CreateTempSubdirectory("payment-stack-");
        try
        {
            var stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions { DataDirectory = folder.FullName }, null, CancellationToken.None);
            var settings = stack.AppSettings;
            var ports = new[]
            {
                new Uri(settings["Chain:RpcUrl"]).Port,
                new Uri(settings["Chain:KeyVaultUri"]).Port,
                new Uri(settings["Juno:BaseAddress"]).Port,
                new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:Payments"]).Port,
            };
            foreach (var port in ports)
            {
                using var open = new TcpClient();
                await open.ConnectAsync("127.0.0.1", port);
            }

            await stack.DisposeAsync();

            foreach (var port in ports)
            {
                using var closed = new TcpClient();
                await Assert.ThrowsAnyAsync<SocketException>(() => closed.ConnectAsync("127.0.0.1", port));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
