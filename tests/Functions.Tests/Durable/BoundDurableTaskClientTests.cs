using Microsoft.DurableTask.Client;
using Moq;
using PaymentFunctions.Functions.Durable;

namespace PaymentFunctions.Functions.Tests.Durable;

/// <summary>The client the shared handlers resolve from DI reaches the client bound by the invocation they run in.</summary>
public sealed class BoundDurableTaskClientTests
{
    [Fact]
    public async Task Calls_reach_the_client_bound_in_the_calling_invocation_only()
    {
        var first = new Mock<DurableTaskClient>("first");
        var second = new Mock<DurableTaskClient>("second");
        var shared = new BoundDurableTaskClient();

        await Task.WhenAll(InvocationAsync(first.Object, "a"), InvocationAsync(second.Object, "b"));

        first.Verify(c => c.RaiseEventAsync("a", "Go", null, CancellationToken.None), Times.Once);
        first.Verify(c => c.RaiseEventAsync("b", It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
        second.Verify(c => c.RaiseEventAsync("b", "Go", null, CancellationToken.None), Times.Once);
        second.Verify(c => c.RaiseEventAsync("a", It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);

        async Task InvocationAsync(DurableTaskClient bound, string instanceId)
        {
            BoundDurableTaskClient.Bind(bound);
            await Task.Yield();
            await shared.RaiseEventAsync(instanceId, "Go", null, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Without_a_binding_a_call_says_so()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Task.Run(() => new BoundDurableTaskClient().RaiseEventAsync("x", "Go")));

        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }
}
