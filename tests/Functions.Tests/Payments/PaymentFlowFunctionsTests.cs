using Microsoft.DurableTask.Client;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Functions.Payments;
using PaymentFunctions.Functions.Tests.Http;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Lifecycle;

namespace PaymentFunctions.Functions.Tests.Payments;

/// <summary>
/// A payment carried by the Functions app's own methods on Azure Storage: the create function starts the lifecycle
/// through the bound client, the trigger function's deposit detection signals it, and the lifecycle orchestrator
/// and activity functions take it to the seller's payout on the local chain and Juno simulator.
/// </summary>
public sealed class PaymentFlowFunctionsTests(PaymentsTaskHub hub) : IClassFixture<PaymentsTaskHub>
{
    [Fact]
    public async Task Create_deposit_and_trigger_take_a_payment_to_its_payout()
    {
        var body = $$"""
            {
              "amount": 1500.00,
              "buyer": { "name": "Comprador Uno", "refundClabe": "{{hub.BuyerRefundClabe.Value}}" },
              "seller": { "name": "Vendedora de Prueba", "clabe": "{{hub.SellerClabe.Value}}" },
              "deadline": "{{DateTimeOffset.UtcNow.AddHours(1):O}}"
            }
            """;
        var create = FunctionHttp.Request(hub.FunctionServices, "POST", "/api/payments", body);
        var created = await FunctionHttp.SendAsync(create, PaymentApiFunctions.CreateAsync(create, hub.Client));

        Assert.Equal(201, created.StatusCode);
        var payment = created.Json.GetProperty("payment");
        var id = payment.GetProperty("id").GetString()!;
        var instanceId = created.Json.GetProperty("checkStatus").GetProperty("id").GetString()!;
        Assert.Equal($"payment-{id}", instanceId);
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await hub.Client.WaitForInstanceStartAsync(instanceId, guard.Token)).RuntimeStatus);
        }

        hub.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(1500.00m));
        var trigger = FunctionHttp.Request(hub.FunctionServices, "POST", "/api/automation/trigger", """{"process":"deposits"}""");
        var triggered = await FunctionHttp.SendAsync(trigger, PaymentApiFunctions.TriggerAsync(trigger, hub.Client));
        Assert.Equal(200, triggered.StatusCode);

        OrchestrationMetadata done;
        try
        {
            done = await hub.CompletionAsync(instanceId, TimeSpan.FromSeconds(60));
        }
        catch (OperationCanceledException)
        {
            var seen = await hub.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            var at = FunctionHttp.Request(hub.FunctionServices, "GET", $"/api/payments/{id}");
            var timeline = await FunctionHttp.SendAsync(at, PaymentApiFunctions.GetAsync(at, hub.Client, id));
            throw new Xunit.Sdk.XunitException($"status {seen?.RuntimeStatus}, custom {seen?.SerializedCustomStatus}; payment {timeline.Body}");
        }

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails}");
        var outcome = done.ReadOutputAs<PaymentOutcome>()!;
        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.NotNull(outcome.PayoutTransactionId);

        var get = FunctionHttp.Request(hub.FunctionServices, "GET", $"/api/payments/{id}");
        var view = await FunctionHttp.SendAsync(get, PaymentApiFunctions.GetAsync(get, hub.Client, id));
        Assert.Equal(200, view.StatusCode);
        Assert.Equal("Completed", view.Json.GetProperty("status").GetString());

        var list = FunctionHttp.Request(hub.FunctionServices, "GET", "/api/payments");
        var listed = await FunctionHttp.SendAsync(list, PaymentApiFunctions.ListAsync(list, hub.Client));
        Assert.Contains(listed.Json.EnumerateArray(), p => p.GetProperty("id").GetString() == id);

        // A finished payment takes no more signals: the same 409 as the self-hosted app, nothing raised.
        var cancel = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/payments/{id}/cancel", """{"reason":"too late"}""");
        Assert.Equal(409, (await FunctionHttp.SendAsync(cancel, PaymentApiFunctions.CancelAsync(cancel, hub.Client, id))).StatusCode);
    }
}
