using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.App.Tests.Payments;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.App.Tests.Rules;

/// <summary>
/// The app with payments and rules on the local stack. Three approvers (alice, bob, carol); a whitelist of wallets
/// added long ago plus one added just now; amounts of 500 MXNB or more need two approvers; approvals expire after
/// <see cref="ApprovalTimeout"/>. A background miner adds a block every 200 ms, as a live chain would, so transfers
/// reach the rules' default confirmation depth of 3.
/// </summary>
public sealed class RulesAppFixture : PaymentsAppFixture, IAsyncLifetime
{
    public const string CarolKey = "carol-approver-key";

    /// <summary>Whitelisted, but the token refuses transfers to it: a transfer that fails for good.</summary>
    public const string ZeroAddress = "0x0000000000000000000000000000000000000000";
    public const decimal LargeAmount = 500m;
    public const decimal RecipientDailyMax = 5_000m;
    public static readonly TimeSpan ApprovalTimeout = TimeSpan.FromSeconds(15);

    private AnvilBlockMiner miner = null!;

    /// <summary>Whitelisted wallets nobody else pays; each test takes its own.</summary>
    public IReadOnlyList<string> Wallets { get; } = [.. Enumerable.Range(0, 24).Select(_ => NewWallet())];

    /// <summary>A wallet whitelisted a moment ago: inside the new-recipient delay.</summary>
    public string NewWalletOnList { get; } = NewWallet();

    private int nextWallet;

    public string Source => this.Stack.BridgeAddress.ToString().ToLowerInvariant();

    public Erc20 Token => new(this.Stack.Anvil.Rpc, this.Stack.Deployment.Token);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        this.miner = AnvilBlockMiner.Start(this.Stack.Anvil, TimeSpan.FromMilliseconds(200));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await this.miner.DisposeAsync();
        await base.DisposeAsync();
    }

    public string TakeWallet() => this.Wallets[Interlocked.Increment(ref this.nextWallet) - 1];

    public HttpClient As(string approverKey)
    {
        var client = this.App.CreateKeyedClient(AppFactory.FunctionKey);
        client.DefaultRequestHeaders.Add("x-approver-key", approverKey);
        return client;
    }

    /// <summary>Gives the source wallet MXNB from the Juno treasury, as a Juno withdrawal would.</summary>
    public Task FundSourceAsync(decimal tokens) =>
        this.Stack.Juno.ChainTransfer.TransferAsync(this.Source, MxnbAmount.FromTokens(tokens), CancellationToken.None);

    public async Task<decimal> BalanceAsync(string address) => (decimal)await this.Token.BalanceOfAsync(Address.Parse(address)) / 1_000_000m;

    public async Task<BigInteger> SourceNonceAsync() => await this.Stack.Anvil.Rpc.GetTransactionCountAsync(this.Stack.BridgeAddress, BlockParameter.Latest);

    /// <summary>Creates a rule as <paramref name="approverKey"/>'s person and returns its id.</summary>
    public async Task<string> CreateRuleAsync(JsonObject rule, string approverKey = AliceKey)
    {
        var response = await this.As(approverKey).PostAsJsonAsync("/api/rules", rule);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{body} {this.Errors()}");
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>The errors the app logged, for assertion messages.</summary>
    public string Errors() => string.Join(Environment.NewLine, this.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.ToString()));

    public async Task<string> ExecuteAsync(string ruleId, string approverKey = AliceKey)
    {
        var response = await this.As(approverKey).PostAsync($"/api/rules/{ruleId}/execute", null);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToString());
        return body.GetProperty("executionId").GetString()!;
    }

    public Task<HttpResponseMessage> DecideAsync(string executionId, string approverKey, bool approve = true) =>
        this.As(approverKey).PostAsync($"/api/rule-executions/{executionId}/{(approve ? "approve" : "reject")}", null);

    /// <summary>Polls the execution until its status is one of <paramref name="statuses"/>.</summary>
    public async Task<JsonElement> WaitForExecutionAsync(string executionId, params string[] statuses)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        JsonElement last = default;
        while (!timeout.IsCancellationRequested)
        {
            var response = await this.Client.GetAsync($"/api/rule-executions/{executionId}", CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await response.ReadJsonAsync();
                if (statuses.Contains(last.GetProperty("status").GetString()))
                {
                    return last;
                }
            }

            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"Execution {executionId} never reached {string.Join("/", statuses)}; last seen {last}.");
    }

    /// <summary>What the app logged, to explain a failure.</summary>
    internal CapturingLoggerProvider Logs { get; } = new();

    protected override void Configure(AppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.ConfigureServices = services =>
        {
            // The Key Vault emulator's credential signs the transfers, as the Payments tests' chain fixtures do.
            services.AddSingleton<Azure.Core.TokenCredential>(this.Stack.KeyVault.Credential);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(this.Logs);
        };
        app.Settings["Payments:Approvers:carol"] = CarolKey;
        foreach (var wallet in this.Wallets)
        {
            app.Settings[$"Rules:Whitelist:{wallet}"] = "2020-01-01T00:00:00Z";
        }

        app.Settings[$"Rules:Whitelist:{ZeroAddress}"] = "2020-01-01T00:00:00Z";
        app.Settings[$"Rules:Whitelist:{this.NewWalletOnList}"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        app.Settings["Rules:ApprovalTimeout"] = ApprovalTimeout.ToString("c", CultureInfo.InvariantCulture);
        app.Settings["Rules:ConfirmationPollInterval"] = "00:00:00.100";
        app.Settings["Rules:Safety:LargeAmountThreshold"] = LargeAmount.ToString(CultureInfo.InvariantCulture);
        app.Settings["Rules:Safety:RecipientDailyMax"] = RecipientDailyMax.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A contractor payment from the source to <paramref name="recipient"/>, monthly on the 1st unless changed.</summary>
    public JsonObject ContractorPayment(string recipient, decimal amount, JsonObject? schedule = null) => new()
    {
        ["type"] = "contractor_payment",
        ["name"] = "Pay a contractor",
        ["source_account"] = this.Source,
        ["recipient"] = new JsonObject { ["address"] = recipient, ["name"] = "Contractor" },
        ["amount"] = new JsonObject { ["value"] = amount, ["currency"] = "MXNB" },
        ["schedule"] = schedule ?? new JsonObject { ["frequency"] = "monthly", ["day"] = 1 },
    };

    /// <summary>A revenue allocation of the source's whole balance over <paramref name="shares"/>, weekly on Mondays.</summary>
    public JsonObject RevenueAllocation(string name, params (string Target, int Percentage)[] shares) => new()
    {
        ["type"] = "revenue_allocation",
        ["name"] = name,
        ["source_account"] = this.Source,
        ["allocations"] = new JsonArray([.. shares.Select((s, i) => new JsonObject { ["target"] = s.Target, ["percentage"] = s.Percentage, ["name"] = $"share {i}" })]),
        ["trigger"] = new JsonObject { ["type"] = "schedule", ["schedule"] = new JsonObject { ["frequency"] = "weekly", ["day"] = "monday" } },
        ["minimum_amount"] = 1,
    };

    public static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    private static string NewWallet() => "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
