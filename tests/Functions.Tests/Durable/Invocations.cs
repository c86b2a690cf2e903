using Microsoft.Azure.Functions.Worker;
using Moq;

namespace PaymentFunctions.Functions.Tests.Durable;

/// <summary><see cref="FunctionContext"/>s as the Functions host would hand them to one invocation.</summary>
public static class Invocations
{
    /// <summary>An invocation of <paramref name="functionName"/> with <paramref name="services"/> as its scope.</summary>
    /// <param name="functionName">The function's name.</param>
    /// <param name="services">The invocation's services.</param>
    /// <param name="instanceId">For activities: the orchestration instance in the trigger's binding data.</param>
    public static FunctionContext Of(string functionName, IServiceProvider services, string? instanceId = null)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(functionName);
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(instanceId is null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?> { ["instanceId"] = instanceId });
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        context.SetupGet(c => c.InstanceServices).Returns(services);
        context.SetupGet(c => c.CancellationToken).Returns(CancellationToken.None);
        return context.Object;
    }
}
