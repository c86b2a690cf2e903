using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentFunctions.Banking.Juno.Webhooks;

namespace PaymentFunctions.Banking.Tests.Juno.Webhooks;

/// <summary>A tiny HTTP endpoint on 127.0.0.1 that hands Juno webhook deliveries to a <see cref="JunoWebhookReceiver"/>.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JunoWebhookResult> _results;

    private WebhookSink(WebApplication app, ConcurrentQueue<JunoWebhookResult> results, Uri baseAddress)
    {
        _app = app;
        _results = results;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<JunoWebhookResult> Results => [.. _results];

    public static async Task<WebhookSink> StartAsync(JunoWebhookReceiver receiver)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var results = new ConcurrentQueue<JunoWebhookResult>();

        // One delivery at a time keeps the receiver's outcomes in delivery order.
        var gate = new SemaphoreSlim(1, 1);
        app.MapPost("/juno/webhooks/{secret}", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            await gate.WaitAsync(context.RequestAborted);
            try
            {
                var result = await receiver.ReceiveAsync((string?)context.Request.RouteValues["secret"], body, context.RequestAborted);
                results.Enqueue(result);
                context.Response.StatusCode = result.Acknowledge ? 200 : 401;
            }
            finally
            {
                gate.Release();
            }
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookSink(app, results, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"));
    }

    public Uri CallbackFor(string secret) => new(BaseAddress, "juno/webhooks/" + Uri.EscapeDataString(secret));

    /// <summary>Waits (bounded) until at least <paramref name="count"/> deliveries were handled.</summary>
    public async Task WaitForResultsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (_results.Count < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
