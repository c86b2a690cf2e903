using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PaymentFunctions.Demo.Api;

/// <summary>
/// A small typed client for the payments HTTP API, shared by the demo and the lifecycle benchmark so both drive
/// the app exactly as an outside caller does (HTTP, function key, JSON).
/// </summary>
/// <param name="http">A client with the app's base address and function key (<c>AppProcess.CreateClient()</c>).</param>
/// <param name="language">Language of the timeline texts (<c>es</c> or <c>en</c>), sent as <c>Accept-Language</c>.</param>
public sealed class PaymentsApi(HttpClient http, string language)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>POST /api/payments</c>; expects 201.</summary>
    public async Task<CreatedPayment> CreateAsync(NewPayment payment, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri("api/payments", UriKind.Relative), payment, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<CreatedPayment>(response, HttpStatusCode.Created, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/payments/{id}</c> with the timeline in this client's language.</summary>
    public async Task<PaymentSnapshot> GetAsync(string paymentId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/payments/{Uri.EscapeDataString(paymentId)}", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<PaymentSnapshot>(response, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/payments?status=&amp;limit=</c>: the newest payments, without timelines.</summary>
    public async Task<IReadOnlyList<PaymentSnapshot>> ListAsync(string? status, int limit, CancellationToken cancellationToken)
    {
        var query = "api/payments?limit=" + limit.ToString(CultureInfo.InvariantCulture) + (status is null ? "" : "&status=" + Uri.EscapeDataString(status));
        using var response = await http.GetAsync(new Uri(query, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<List<PaymentSnapshot>>(response, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/payments/{id}/approve</c> as the approver whose key is <paramref name="approverKey"/>; expects 200.</summary>
    public async Task<Approval> ApproveAsync(string paymentId, string approverKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/payments/{Uri.EscapeDataString(paymentId)}/approve", UriKind.Relative));
        request.Headers.Add("x-approver-key", approverKey);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<Approval>(response, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /api/automation/trigger</c>: runs a timer process (<c>deposits</c>, <c>custody</c>, <c>sync</c>,
    /// <c>stuck</c>) now instead of at its next occurrence, and returns its result as the app reports it.
    /// </summary>
    public async Task<AutomationResult> TriggerAsync(string process, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri("api/automation/trigger", UriKind.Relative), new { process }, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<AutomationResult>(response, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new PaymentsApiException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} {response.StatusCode}, expected {(int)expected}: {body}");
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new PaymentsApiException($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered an empty body.");
    }
}
