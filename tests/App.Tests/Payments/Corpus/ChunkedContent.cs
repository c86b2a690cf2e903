using System.Net;

namespace PaymentFunctions.App.Tests.Payments.Corpus;

/// <summary>A body of unknown length (no Content-Length), as a streaming client sends it.</summary>
internal sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
