using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PaymentFunctions.Functions.Http;

/// <summary>
/// The shared handlers answer with minimal-API <see cref="IResult"/>s; the Functions ASP.NET Core integration writes
/// <see cref="IActionResult"/>s. This carries one into the other, so the response is the handler's own.
/// </summary>
public sealed class HandlerResult(IResult result) : IActionResult
{
    /// <summary>The handler's result.</summary>
    public IResult Result { get; } = result;

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return this.Result.ExecuteAsync(context.HttpContext);
    }
}
