using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.EndToEnd.Tests;

/// <summary>What a buyer and the platform do through the app's HTTP API, as the tests need it.</summary>
internal static class PaymentApiClient
{
    /// <summary>Creates a payment without custody, makes the buyer's SPEI deposit and runs deposit detection; returns its id.</summary>
    public static async Task<string> PayAsync(this HttpClient client, LocalPaymentStack stack, decimal amount, Clabe seller)
    {
        using var created = await client.PostAsJsonAsync(new Uri("/api/payments", UriKind.Relative), new
        {
            amount,
            buyer = new { name = "Comprador" },
            seller = new { name = "Vendedora", clabe = seller.Value },
            deadline = DateTimeOffset.UtcNow.AddHours(1),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var payment = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payment");
        stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(amount));
        using var trigger = await client.PostAsJsonAsync(new Uri("/api/automation/trigger", UriKind.Relative), new { process = "deposits" });
        Assert.Equal(HttpStatusCode.OK, trigger.StatusCode);
        return payment.GetProperty("id").GetString()!;
    }

    /// <summary>Polls the payment until its status satisfies <paramref name="reached"/>; returns that status.</summary>
    public static async Task<string> WaitForStatusAsync(this HttpClient client, string id, Func<string, bool> reached)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var view = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/payments/{id}", UriKind.Relative), patience.Token);
            var status = view.GetProperty("status").GetString()!;
            if (reached(status))
            {
                return status;
            }

            await Task.Delay(50, patience.Token);
        }
    }
}
