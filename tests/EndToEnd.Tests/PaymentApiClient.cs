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
        var (id, depositClabe, created) = await client.CreatePaymentAsync(amount, seller);
        Assert.True(created);
        stack.Juno.SimulateSpeiDeposit(depositClabe, Mxn.Of(amount));
        await client.TriggerDepositDetectionAsync();
        return id;
    }

    /// <summary>
    /// <c>POST /api/payments</c>; with an idempotency key a retry returns the payment the first request created
    /// (<c>Created</c> false) when it repeats the same terms, deadline and custody end included. Returns the payment's
    /// id and the deposit CLABE the buyer pays into.
    /// </summary>
    public static async Task<(string Id, Clabe DepositClabe, bool Created)> CreatePaymentAsync(
        this HttpClient client,
        decimal amount,
        Clabe seller,
        DateTimeOffset? deadline = null,
        DateTimeOffset? custodyEnd = null,
        Clabe? buyerRefund = null,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/payments", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                amount,
                // Creation requires a registered refund account; the seller's serves when a test names none.
                buyer = new { name = "Comprador", refundClabe = (buyerRefund ?? seller).Value },
                seller = new { name = "Vendedora", clabe = seller.Value },
                deadline = deadline ?? DateTimeOffset.UtcNow.AddHours(1),
                custodyEnd,
            }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var created = await client.SendAsync(request, cancellationToken);
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await created.Content.ReadAsStringAsync(cancellationToken));
        var payment = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("payment");
        return (payment.GetProperty("id").GetString()!, Clabe.Parse(payment.GetProperty("depositClabe").GetString()), created.StatusCode == HttpStatusCode.Created);
    }

    /// <summary>Runs deposit detection now (<c>POST /api/automation/trigger</c>), as its timer would.</summary>
    public static async Task TriggerDepositDetectionAsync(this HttpClient client, CancellationToken cancellationToken = default)
    {
        using var trigger = await client.PostAsJsonAsync(new Uri("/api/automation/trigger", UriKind.Relative), new { process = "deposits" }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, trigger.StatusCode);
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

    /// <summary>The status of every payment, newest first (<c>GET /api/payments?limit=1000</c>), by id.</summary>
    public static async Task<Dictionary<string, string>> ListStatusesAsync(this HttpClient client, CancellationToken cancellationToken = default)
    {
        var views = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/payments?limit=1000", UriKind.Relative), cancellationToken);
        return views.EnumerateArray().ToDictionary(v => v.GetProperty("id").GetString()!, v => v.GetProperty("status").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>An operator resumes a held payment (<c>POST /api/payments/{id}/resume</c>); returns the answer's status code.</summary>
    public static async Task<HttpStatusCode> ResumeAsync(this HttpClient client, string id, string reason, CancellationToken cancellationToken = default)
    {
        using var resume = await client.PostAsJsonAsync(new Uri($"/api/payments/{id}/resume", UriKind.Relative), new { reason }, cancellationToken);
        return resume.StatusCode;
    }
}
