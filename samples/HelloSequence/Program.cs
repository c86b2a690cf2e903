// HelloSequence and fan-out/fan-in on the Durable Task packages (DTFx worker, Microsoft.DurableTask client) with the
// postgres backend, on DurableStoreConnection or, when that is unset, a private PostgreSQL cluster thrown away at exit.
// Run: dotnet run --project samples/HelloSequence
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.LocalStack.Postgres;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
await using var database = await PostgresConnection.AcquireAsync(builder.Configuration["DurableStoreConnection"]);
builder.Configuration["DurableStoreConnection"] = database.ConnectionString;
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
