using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.Stack;
using PaymentFunctions.Rules.Benchmarks;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Validation;

// The payment rules benchmark, not a test:
//   dotnet run -c Release --project bench/Rules.Benchmarks [-- --count N]
// Starts the local stack and the app as a child process, creates N contractor-payment rules, starts N executions at
// once, approves them all at once and prints: the comprehensive validation time (in process, and each execution's
// start → validated and waiting for approval), approval → first transfer mined, and executions per second.
var count = args.Length == 2 && args[0] == "--count" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
const string FunctionKey = "bench-key";
const string Requester = "alice-key";
const string Approver = "bob-key";
var wallets = Enumerable.Range(0, count).Select(_ => "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20))).ToList();

Console.WriteLine($"starting the local stack and the app ({count} executions)");
await using var stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);
await using var miner = AnvilBlockMiner.Start(stack.Anvil, TimeSpan.FromMilliseconds(250));
var options = AppProcessOptions.ForStack(stack) with { FunctionKey = FunctionKey };
var settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase)
{
    ["Payments:Approvers:alice"] = Requester,
    ["Payments:Approvers:bob"] = Approver,
    ["Rules:ConfirmationPollInterval"] = "00:00:00.100",
    ["Rules:Safety:MinIntervalMinutes"] = "0",
};
foreach (var wallet in wallets)
{
    settings[$"Rules:Whitelist:{wallet}"] = "2020-01-01T00:00:00Z";
}

await using var app = await AppProcess.StartAsync(options with { Settings = settings }, CancellationToken.None);
using var client = app.CreateClient();
var source = stack.BridgeAddress.ToString().ToLowerInvariant();
await stack.Juno.ChainTransfer.TransferAsync(source, MxnbAmount.FromTokens(10m * count), CancellationToken.None);

JsonObject Rule(string wallet) => new()
{
    ["type"] = "contractor_payment",
    ["name"] = "bench",
    ["source_account"] = source,
    ["recipient"] = new JsonObject { ["address"] = wallet, ["name"] = "payee" },
    ["amount"] = new JsonObject { ["value"] = 1.5m, ["currency"] = "MXNB" },
    ["schedule"] = new JsonObject { ["frequency"] = "monthly", ["day"] = 28 },
    ["conditions"] = new JsonArray(
        new JsonObject { ["type"] = "amount_threshold", ["min"] = 1, ["max"] = 10 },
        new JsonObject { ["type"] = "balance_minimum", ["minimum"] = 0 }),
    ["confirmation_blocks"] = 1,
};

async Task<JsonElement> SendAsync(HttpMethod method, string path, string key, JsonObject? body = null)
{
    using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
    request.Headers.Add("x-approver-key", key);
    using var response = await client.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
    }

    return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
}

// 1. The five layers in process, on every rule (what creation runs before it stores anything).
var security = new SecurityContext(wallets.ToDictionary(w => w, _ => DateTimeOffset.UnixEpoch), [source], [], DateTimeOffset.UtcNow, new SafetyLimits());
var inProcess = Stopwatch.StartNew();
foreach (var wallet in wallets)
{
    if (!RuleValidator.ValidateDefinition(Rule(wallet).ToJsonString(), security, "alice", ["alice"]).IsValid)
    {
        throw new InvalidOperationException("A benchmark rule does not validate.");
    }
}

inProcess.Stop();

// 2. Create the rules through the API, then start every execution at once.
var ruleIds = new List<string>();
foreach (var wallet in wallets)
{
    ruleIds.Add((await SendAsync(HttpMethod.Post, "/api/rules", Requester, Rule(wallet))).GetProperty("id").GetString()!);
}

var all = Stopwatch.StartNew();
var started = await Task.WhenAll(ruleIds.Select(async id => (await SendAsync(HttpMethod.Post, $"/api/rules/{id}/execute", Requester)).GetProperty("executionId").GetString()!));
var validated = new Dictionary<string, TimeSpan>();
while (validated.Count < count)
{
    foreach (var id in started.Where(id => !validated.ContainsKey(id)))
    {
        var status = (await SendAsync(HttpMethod.Get, $"/api/rule-executions/{id}", Requester)).GetProperty("status").GetString();
        if (status is "AwaitingApproval" or "Refused")
        {
            validated[id] = all.Elapsed;
        }
    }

    await Task.Delay(100);
}

// 3. Approve them all at once; time each approval to its recipient's balance moving (the first transfer mined).
var token = new Erc20(stack.Anvil.Rpc, stack.Deployment.Token);
var approvedAt = new Dictionary<string, TimeSpan>();
await Task.WhenAll(started.Select(async id =>
{
    await SendAsync(HttpMethod.Post, $"/api/rule-executions/{id}/approve", Approver);
    lock (approvedAt)
    {
        approvedAt[id] = all.Elapsed;
    }
}));
var firstTransfer = new Dictionary<int, TimeSpan>();
while (firstTransfer.Count < count && all.Elapsed < TimeSpan.FromMinutes(10))
{
    for (var i = 0; i < count; i++)
    {
        if (!firstTransfer.ContainsKey(i) && await token.BalanceOfAsync(Address.Parse(wallets[i])) > 0)
        {
            firstTransfer[i] = all.Elapsed - approvedAt[started[i]];
        }
    }

    await Task.Delay(100);
}

var completed = 0;
while (completed < count && all.Elapsed < TimeSpan.FromMinutes(10))
{
    completed = 0;
    foreach (var id in started)
    {
        completed += (await SendAsync(HttpMethod.Get, $"/api/rule-executions/{id}", Requester)).GetProperty("status").GetString() is "Completed" or "Refused" or "Failed" ? 1 : 0;
    }

    await Task.Delay(200);
}

all.Stop();
var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Payment rules benchmark: {count} executions on the local stack ({Environment.ProcessorCount} cores, load average {load} at the end)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  five-layer validation in process:        {inProcess.Elapsed.TotalMilliseconds / count:0.000} ms per rule ({inProcess.Elapsed.TotalMilliseconds:0.0} ms for {count}; goal < 10 s)"));
Console.WriteLine($"  execution start -> validated, waiting:   {Percentiles.Describe(validated.Values)}");
Console.WriteLine($"  approval -> first transfer mined:        {Percentiles.Describe(firstTransfer.Values)} (goal < 30 s)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  executions per second (start -> all done): {completed / all.Elapsed.TotalSeconds:0.00} ({completed} in {all.Elapsed.TotalSeconds:0.0} s, approvals included)"));
return completed == count ? 0 : 1;
