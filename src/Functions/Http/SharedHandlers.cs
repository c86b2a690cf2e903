using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using PaymentFunctions.Functions.Durable;

namespace PaymentFunctions.Functions.Http;

/// <summary>Calls a self-hosted app's handler from an HTTP function.</summary>
public static class SharedHandlers
{
    /// <summary>
    /// Binds the invocation's <paramref name="client"/> (when the handler starts or signals orchestrations) and runs
    /// <paramref name="handler"/> on the request's <see cref="HttpContext"/>.
    /// </summary>
    public static async Task<IActionResult> RunAsync(HttpRequest request, DurableTaskClient? client, Func<HttpContext, Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        if (client is not null)
        {
            BoundDurableTaskClient.Bind(client);
        }

        return new HandlerResult(await handler(request.HttpContext));
    }
}
