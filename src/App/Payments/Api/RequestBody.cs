using System.Text;
using Microsoft.Extensions.Options;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>
/// Reads a request body as UTF-8 text up to <see cref="PaymentsOptions.MaxRequestBodyBytes"/>: larger bodies get 413
/// problem details before they are buffered, and bytes that are not UTF-8 get 400 naming <c>body</c>.
/// </summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<PaymentsOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        // Content-Length may be absent (chunked) or wrong: read one byte past the limit to tell.
        var buffer = new byte[limit + 1];
        var read = 0;
        int got;
        while (read < buffer.Length && (got = await context.Request.Body.ReadAsync(buffer.AsMemory(read), context.RequestAborted)) > 0)
        {
            read += got;
        }

        if (read > limit)
        {
            return (null, TooLarge(limit));
        }

        try
        {
            return (StrictUtf8.GetString(buffer, 0, read), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, PaymentProblems.Invalid("body", "The body is not UTF-8 text."));
        }
    }

    private static IResult TooLarge(int limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"The body must be at most {limit} bytes.",
        extensions: new Dictionary<string, object?> { ["field"] = "body", ["limitBytes"] = limit });
}
