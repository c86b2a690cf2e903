using System.Collections.Concurrent;
using System.Text.Json;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>Passes JSON-RPC requests through to the node and remembers every raw transaction sent.</summary>
internal sealed class RawTransactionRecorder() : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentQueue<string> _sent = new();

    public IReadOnlyList<string> SentRawTransactions => _sent.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("method").GetString() == "eth_sendRawTransaction")
            {
                _sent.Enqueue(json.RootElement.GetProperty("params")[0].GetString()!);
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
