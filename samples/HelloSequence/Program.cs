// HelloSequence and fan-out/fan-in on DTFx with the Microsoft.DurableTask programming model, on the Azure
// Storage backend against a private Azurite (npm ci first). Run: dotnet run --project samples/HelloSequence
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.LocalStack.Azurite;

await using var azurite = await AzuriteServer.StartAsync();

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    // What host.json and local.settings.json say in an app; here inline.
    ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "HelloSample",
    ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "azureStorage",
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
});
builder.Services.AddDurableTaskHost(builder.Configuration, tasks => tasks
    .AddOrchestratorFunc<string, string[]>("HelloSequence", async (context, name) =>
    [
        await context.CallActivityAsync<string>("SayHello", $"{name} Tokyo"),
        await context.CallActivityAsync<string>("SayHello", $"{name} Seattle"),
        await context.CallActivityAsync<string>("SayHello", $"{name} London"),
    ])
    .AddOrchestratorFunc<int, long>("FanOutFanIn", async (context, count) =>
    {
        var squares = await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallActivityAsync<long>("Square", i)));
        return squares.Sum();
    })
    .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello, {city}!")
    .AddActivityFunc<int, long>("Square", (_, i) => (long)i * i));

using var host = builder.Build();
await host.StartAsync();
var client = host.Services.GetRequiredService<DurableTaskClient>();

var hello = await client.ScheduleNewOrchestrationInstanceAsync("HelloSequence", "from");
var helloResult = await client.WaitForInstanceCompletionAsync(hello, getInputsAndOutputs: true);
Console.WriteLine($"HelloSequence {helloResult.RuntimeStatus}: {string.Join(" ", helloResult.ReadOutputAs<string[]>() ?? [])}");

var fan = await client.ScheduleNewOrchestrationInstanceAsync("FanOutFanIn", 100);
var fanResult = await client.WaitForInstanceCompletionAsync(fan, getInputsAndOutputs: true);
Console.WriteLine($"FanOutFanIn {fanResult.RuntimeStatus}: sum of squares 1..100 = {fanResult.ReadOutputAs<long>()}");

await host.StopAsync();
