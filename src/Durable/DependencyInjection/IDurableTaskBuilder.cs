using Microsoft.Extensions.DependencyInjection;

namespace PaymentFunctions.Durable.DependencyInjection;

/// <summary>Returned by <c>AddDurableTask</c> so a store can be chosen fluently.</summary>
public interface IDurableTaskBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
