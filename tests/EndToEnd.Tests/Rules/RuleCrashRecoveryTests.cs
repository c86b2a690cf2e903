using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.EndToEnd.Tests.Rules;

/// <summary>
/// The app as a child process, SIGKILLed between the two transfers of a revenue allocation and started again: each
/// transfer is sent exactly once (the source's nonce moves by two) and each recipient gets exactly its share.
/// </summary>
public sealed class RuleCrashRecoveryTests : IAsyncLifetime
{
    private const string FunctionKey = "rules-end-to-end-key";
    private const string AliceKey = "alice-key";
    private const string BobKey = "bob-key";
    private LocalPaymentStack stack = null!;
    private AnvilBlockMiner miner = null!;

    public async Task InitializeAsync()
    {
        this.stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);

        // A block every 300 ms, as a live chain makes them: a transfer waits a few seconds for its 10 confirmations.
        this.miner = AnvilBlockMiner.Start(this.stack.Anvil, TimeSpan.FromMilliseconds(300));
    }

    public async Task DisposeAsync()
    {
        await this.miner.DisposeAsync();
        await this.stack.DisposeAsync();
    }

    [Fact]
    public async Task An_allocation_killed_between_its_transfers_sends_each_exactly_once()
    {
        var (operations, savings) = (Wallet(), Wallet());
        var options = AppProcessOptions.ForStack(this.stack) with { FunctionKey = FunctionKey };
        options = options with
        {
            Settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase)
            {
                ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:lockTimeout"] = "00:00:05",
                ["Payments:Approvers:alice"] = AliceKey,
                ["Payments:Approvers:bob"] = BobKey,
                [$"Rules:Whitelist:{operations}"] = "2020-01-01T00:00:00Z",
                [$"Rules:Whitelist:{savings}"] = "2020-01-01T00:00:00Z",
                ["Rules:ConfirmationPollInterval"] = "00:00:00.100",
            },
        };
        var source = this.stack.BridgeAddress.ToString().ToLowerInvariant();
        await this.stack.Juno.ChainTransfer.TransferAsync(source, MxnbAmount.FromTokens(300m), CancellationToken.None);
        var token = new Erc20(this.stack.Anvil.Rpc, this.stack.Deployment.Token);

        string executionId;
        BigInteger nonceBefore;
        await using (var first = await AppProcess.StartAsync(options, CancellationToken.None))
        {
            using var client = first.CreateClient();
            var rule = new JsonObject
            {
                ["type"] = "revenue_allocation",
                ["name"] = "60/40",
                ["source_account"] = source,
                ["allocations"] = new JsonArray(
                    new JsonObject { ["target"] = operations, ["percentage"] = 60, ["name"] = "operations" },
                    new JsonObject { ["target"] = savings, ["percentage"] = 40, ["name"] = "savings" }),
                ["trigger"] = new JsonObject { ["type"] = "schedule", ["schedule"] = new JsonObject { ["frequency"] = "weekly", ["day"] = 1 } },
                ["minimum_amount"] = 1,
                ["confirmation_blocks"] = 10,
            };
            var created = await Send(client, HttpMethod.Post, "/api/rules", AliceKey, rule);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var started = await Send(client, HttpMethod.Post, $"/api/rules/{ruleId}/execute", AliceKey, null);
            executionId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("executionId").GetString()!;
            await WaitForAsync(client, executionId, "AwaitingApproval");
            nonceBefore = await this.stack.Anvil.Rpc.GetTransactionCountAsync(this.stack.BridgeAddress, BlockParameter.Latest);
            Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Post, $"/api/rule-executions/{executionId}/approve", BobKey, null)).StatusCode);

            // The first transfer is mined (and waits for its confirmations); the second is not sent yet: kill now.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await token.BalanceOfAsync(Address.Parse(operations)) == 0)
            {
                await Task.Delay(50, timeout.Token);
            }

            await first.KillAsync();
            Assert.Equal(BigInteger.Zero, await token.BalanceOfAsync(Address.Parse(savings)));
        }

        await using var second = await AppProcess.StartAsync(options, CancellationToken.None);
        using var restarted = second.CreateClient();
        var done = await WaitForAsync(restarted, executionId, "Completed", "Failed", "CompensationRequired", "Refused");

        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(nonceBefore + 2, await this.stack.Anvil.Rpc.GetTransactionCountAsync(this.stack.BridgeAddress, BlockParameter.Latest));
        var total = done.GetProperty("total").GetDecimal();
        var sixty = decimal.Round(total * 0.6m, 6, MidpointRounding.ToZero);
        Assert.Equal(new BigInteger(sixty * 1_000_000m), await token.BalanceOfAsync(Address.Parse(operations)));
        Assert.Equal(new BigInteger((total - sixty) * 1_000_000m), await token.BalanceOfAsync(Address.Parse(savings)));
        Assert.Equal(2, done.GetProperty("postState").GetProperty("transfers").GetArrayLength());
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string approverKey, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("x-approver-key", approverKey);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string executionId, params string[] statuses)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        JsonElement last = default;
        while (!timeout.IsCancellationRequested)
        {
            try
            {
                var response = await client.GetAsync($"/api/rule-executions/{executionId}", timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    last = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
                    if (statuses.Contains(last.GetProperty("status").GetString()))
                    {
                        return last;
                    }
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"Execution {executionId} never reached {string.Join("/", statuses)}; last seen {last}.");
    }

    private static string Wallet() => "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
