using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using PaymentFunctions.App.Payments.Api;
using PaymentFunctions.Payments.Persistence;
using Xunit.Abstractions;

namespace PaymentFunctions.App.Tests.Payments.Corpus;

/// <summary>
/// Hundreds of hostile bodies against every payment POST route: each must answer a 4xx with problem details naming
/// the field, and afterwards the payment tables hold exactly the rows they held before. Prints the corpus size and
/// its status-code histogram.
/// </summary>
public sealed class HostileBodyCorpusTests(PaymentsAppFixture fixture, ITestOutputHelper output) : IClassFixture<PaymentsAppFixture>
{
    private const int MinimumPerRoute = 200;

    private static readonly Dictionary<string, string> NoHeaders = [];

    [Fact]
    public async Task Every_hostile_body_gets_a_4xx_naming_the_field_and_nothing_is_written()
    {
        var routes = this.Routes();
        var before = await this.CountRowsAsync();
        var histogram = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var total = 0;
        foreach (var route in routes)
        {
            var bodies = HostileBodies.For(route);
            Assert.True(bodies.Count >= MinimumPerRoute, $"{route.Name}: only {bodies.Count} bodies");
            foreach (var body in bodies)
            {
                total++;
                var (status, problem) = await this.SendAsync(route, body);
                histogram[status] = histogram.GetValueOrDefault(status) + 1;
                if (Check(status, problem, body.Field) is { } wrong)
                {
                    failures.Add($"{route.Name} {body.Name}: {wrong}");
                }
            }

            output.WriteLine($"{route.Name}: {bodies.Count} bodies");
        }

        output.WriteLine($"corpus: {total} bodies on {routes.Count} routes; status codes: {string.Join(", ", histogram.Select(h => $"{h.Key} × {h.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} answers were wrong:\n{string.Join('\n', failures.Take(400))}");
        Assert.Equal(before, await this.CountRowsAsync());
    }

    private static string? Check(int status, JsonElement? problem, string field)
    {
        if (status is < 400 or > 499)
        {
            return $"answered {status}";
        }

        if (problem is not { } details)
        {
            return $"{status} without problem details";
        }

        if (status == 413)
        {
            return details.TryGetProperty("field", out var named) && named.GetString() == field ? null : $"413 not naming '{field}': {details}";
        }

        return details.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
            ? null
            : $"{status} not naming '{field}': {details}";
    }

    private async Task<(int Status, JsonElement? Problem)> SendAsync(HostileRoute route, HostileBody body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route.Path);
        HttpContent content = body.Chunked ? new ChunkedContent(body.Bytes) : new ByteArrayContent(body.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = content;
        foreach (var (name, value) in route.Headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await fixture.Client.SendAsync(request);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return ((int)response.StatusCode, null);
        }

        return ((int)response.StatusCode, await response.ReadJsonAsync());
    }

    private List<HostileRoute> Routes()
    {
        (string, bool)[] creation =
        [
            ("amount", true), ("buyer.name", false), ("buyer.refundClabe", false), ("seller.name", false), ("seller.clabe", false),
            ("deadline", false), ("custodyEnd", false),
        ];
        var routes = new List<HostileRoute> { new("create", "/api/payments", NoHeaders, () => fixture.Body(), creation) };
        foreach (var action in PaymentAction.All)
        {
            var resolve = action == PaymentAction.Resolve;
            routes.Add(new(
                action.Route,
                $"/api/payments/pay_00000000000000000000000000/{action.Route}",
                NoHeaders,
                () => resolve ? new JsonObject { ["reason"] = "because", ["outcome"] = "buyer" } : new JsonObject { ["reason"] = "because" },
                resolve ? [("reason", false), ("outcome", false)] : [("reason", false)]));
        }

        routes.Add(new("approve", "/api/payments/pay_00000000000000000000000000/approve", new Dictionary<string, string> { [ApproverKeys.HeaderName] = PaymentsAppFixture.AliceKey }, null, []));
        routes.Add(new("trigger", "/api/automation/trigger", NoHeaders, () => new JsonObject { ["process"] = "deposits" }, [("process", false)]));
        routes.Add(new(
            "juno webhook",
            $"/api/webhooks/juno?secret={PaymentsAppFixture.WebhookSecret}",
            NoHeaders,
            () => new JsonObject { ["id"] = "tx" },
            [("id", false)],
            FieldOfAnyBody: "id",
            Strict: false));
        return routes;
    }

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Stack.Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema AND table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue("schema", PaymentsDbContext.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("payments", tables);
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {PaymentsDbContext.Schema}.{table}", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
