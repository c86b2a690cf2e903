using System.Net;
using System.Net.Http.Headers;

namespace PaymentFunctions.App.Tests.Hosting;

/// <summary>
/// On a real Kestrel server, a body over the server's own limit (30 MB) is refused with 413 problem details, not
/// the exception handler's 500 (a 31 MB body once answered 500 "Request body too large").
/// </summary>
public sealed class OversizeBodyTests : IAsyncLifetime
{
    private const long ThirtyOneMegabytes = 31L * 1024 * 1024;
    private readonly AppFactory app = new();

    public async Task InitializeAsync()
    {
        this.app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await ((IAsyncLifetime)this.app).InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)this.app).DisposeAsync();

    [Fact]
    public async Task A_body_over_the_servers_limit_is_a_413_problem_not_a_500()
    {
        using var client = this.app.CreateAdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/runtime/webhooks/durabletask/orchestrators/HelloSequence/oversize")
        {
            Content = new StreamContent(new ZeroStream(ThirtyOneMegabytes)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentLength = ThirtyOneMegabytes;

        // 100-continue: the client sends the body only if the server asks for it, so the refusal is read, not raced.
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A stream of zero bytes of a given length, without allocating it.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => this.position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - this.position);
            Array.Clear(buffer, offset, n);
            this.position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
