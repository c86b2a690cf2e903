using Microsoft.Azure.Functions.Worker.Builder;
using PaymentFunctions.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddSharedApp();
await builder.Build().RunAsync();
