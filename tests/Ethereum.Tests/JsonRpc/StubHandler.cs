using System.Net;
using System.Text;
using System.Text.Json;

namespace PaymentFunctions.Ethereum.Tests.JsonRpc;

/// <summary>Answers every request with a fixed body and records the request bodies.</summary>
internal sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    public List<JsonDocument> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)));
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
