using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PaymentFunctions.App.Tests;

/// <summary>Small helpers over the management API for tests.</summary>
internal static class ApiClient
{
    public const string Prefix = "/runtime/webhooks/durabletask";

    public static async Task<HttpResponseMessage> StartAsync(this HttpClient client, string orchestrator, string instanceId, string? jsonInput = null)
        => await client.PostAsync($"{Prefix}/orchestrators/{orchestrator}/{instanceId}", Json(jsonInput));

    public static StringContent Json(string? json) => new(json ?? "", Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Polls the status route until the instance's runtime status is one of <paramref name="statuses"/>.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this HttpClient client, string instanceId, params string[] statuses)
        => await client.WaitForStatusAtAsync($"{Prefix}/instances/{instanceId}", statuses);

    public static async Task<JsonElement> WaitForStatusAtAsync(this HttpClient client, string uri, params string[] statuses)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? last = null;
        while (!timeout.IsCancellationRequested)
        {
            var response = await client.GetAsync(uri, timeout.Token);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted)
            {
                var body = await response.ReadJsonAsync();
                last = body.GetProperty("runtimeStatus").GetString();
                if (statuses.Contains(last))
                {
                    return body;
                }
            }

            await Task.Delay(50, CancellationToken.None);
        }

        throw new TimeoutException($"'{uri}' did not reach {string.Join('/', statuses)}; last status {last ?? "none"}.");
    }

    public static async Task<HttpStatusCode> StatusCodeOfAsync(this HttpClient client, string instanceId)
        => (await client.GetAsync($"{Prefix}/instances/{instanceId}")).StatusCode;

    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient client, string uri) => client.PostAsync(uri, null);

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string uri, T value) => client.PostAsJsonAsync(uri, value);
}

/// <summary>History helpers.</summary>
internal static class HistoryClient
{
    public static async Task<List<JsonElement>> WaitForHistoryAsync(this HttpClient client, string instanceId, string eventType)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var body = await (await client.GetAsync($"{ApiClient.Prefix}/instances/{instanceId}?showHistory=true", timeout.Token)).ReadJsonAsync();
            var events = body.GetProperty("historyEvents").EnumerateArray().ToList();
            if (events.Any(e => e.GetProperty("eventType").GetString() == eventType))
            {
                return events;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
