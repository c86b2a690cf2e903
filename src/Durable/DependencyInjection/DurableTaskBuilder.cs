using Microsoft.Extensions.DependencyInjection;

namespace PaymentFunctions.Durable.DependencyInjection;

internal sealed record DurableTaskBuilder(IServiceCollection Services) : IDurableTaskBuilder;
