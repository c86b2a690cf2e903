using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PaymentFunctions.App.Tests.Monitor;

/// <summary>
/// One test's browser context and page. It records uncaught script errors and Content-Security-Policy refusals;
/// disposing closes the context and fails the test if there were any.
/// </summary>
public sealed class MonitorPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> errors = new();

    public MonitorPage(IBrowserContext context, IPage page)
    {
        this.Context = context;
        this.Page = page;
        page.PageError += (_, error) => this.errors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                this.errors.Enqueue(message.Text);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public async ValueTask DisposeAsync()
    {
        await this.Context.DisposeAsync();
        Assert.Empty(this.errors);
    }
}
