using PaymentFunctions.App.Hosting;
using PaymentFunctions.App.Management;
using PaymentFunctions.App.Monitor;
using PaymentFunctions.App.Operations;
using PaymentFunctions.App.Payments;
using PaymentFunctions.App.Rules;
using PaymentFunctions.App.Samples;
using PaymentFunctions.App.Security;
using PaymentFunctions.App.Triggers.Http;
using PaymentFunctions.App.Triggers.Timer;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Rules.Execution;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionsHost();
await builder.AddDurableTaskHostAsync(tasks => tasks.AddSamples().AddPaymentLifecycle().AddRules());
builder.Services.AddFunctionKeys(builder.Configuration);
builder.Services.AddTimerTriggers(builder.Configuration);
builder.Services.AddSampleTimers(builder.Configuration);
builder.AddOperations();
builder.AddPayments();
builder.AddPaymentRules();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseFunctionKeys();
app.MapOperations();
app.MapDurableTaskManagement();
app.MapTimerAdministration();
app.MapHttpStarter("/api/orchestrators/{functionName}/{instanceId?}").WithName("StartOrchestration");
app.MapSampleStarters();
app.MapPayments();
app.MapPaymentRules();
app.MapMonitor();
await app.RunAsync();

/// <summary>The host's entry point; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
