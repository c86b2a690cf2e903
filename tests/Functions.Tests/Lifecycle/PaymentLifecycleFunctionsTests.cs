using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Functions.Lifecycle;
using PaymentFunctions.Functions.Tests.Durable;
using PaymentFunctions.LocalStack.Postgres;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Functions.Tests.Lifecycle;

/// <summary>A lifecycle activity function builds the shared activity class from the invocation's services and runs it.</summary>
public sealed class PaymentLifecycleFunctionsTests
{
    [Fact]
    public async Task CountApprovals_reads_the_payment_store_of_the_invocation_scope()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("functions-lifecycle");
        await PaymentsDatabase.MigrateAsync(connectionString, CancellationToken.None);
        await using var services = new ServiceCollection().AddLogging().AddPaymentsDatabase(connectionString).BuildServiceProvider();

        var count = await PaymentLifecycleFunctions.CountApprovalsAsync("pay_unknown", Invocations.Of("CountApprovals", services, "payment-pay_unknown"));

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task An_activity_outside_an_orchestration_is_refused()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PaymentLifecycleFunctions.CountApprovalsAsync("pay_x", Invocations.Of("CountApprovals", services)));

        Assert.Contains("instanceId", error.Message, StringComparison.Ordinal);
    }
}
