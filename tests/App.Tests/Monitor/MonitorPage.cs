using Microsoft.Playwright;

namespace PaymentFunctions.App.Tests.Monitor;

/// <summary>One test's browser context and page; disposing closes the context.</summary>
public sealed record MonitorPage(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => this.Context.DisposeAsync();
}
