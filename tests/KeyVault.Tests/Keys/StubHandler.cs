using System.Net;
using System.Text;

namespace PaymentFunctions.KeyVault.Tests.Keys;

/// <summary>Answers every request with a canned response and remembers what was sent.</summary>
internal sealed class StubHandler(HttpStatusCode status, string body, string contentType = "application/json") : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, sent));
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType), RequestMessage = request };
    }
}
