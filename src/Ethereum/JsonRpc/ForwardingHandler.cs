using System.Net;
using System.Text.Json;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>
/// Hands Nethereum's requests to the caller's <see cref="HttpClient"/>, so that client stays shareable (Nethereum sets
/// the base address and headers of the client it is given), and passes on a JSON-RPC error that a node or proxy sent
/// with an HTTP error status, which Nethereum would otherwise drop for a bare status code.
/// </summary>
internal sealed class ForwardingHandler(HttpClient inner) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A message goes through one HttpClient only: the inner client gets a copy.
        using var forwarded = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version };
        foreach (var header in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var response = await inner.SendAsync(forwarded, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && await CarriesRpcErrorAsync(response, cancellationToken).ConfigureAwait(false))
        {
            response.StatusCode = HttpStatusCode.OK;
        }

        return response;
    }

    private static async Task<bool> CarriesRpcErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
