using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PaymentFunctions.App.Tests.Payments.Corpus;

/// <summary>
/// Builds the hostile bodies for one route: wrong types, sizes, control and invisible characters, nesting depth,
/// numbers at the edges, repeated keys, unknown fields and bodies that are not JSON at all. Every body is one a
/// client could send and none is valid, so every answer must be a 4xx naming the field.
/// </summary>
public static class HostileBodies
{
    /// <summary>The largest body the app reads by default (Payments:MaxRequestBodyBytes).</summary>
    public const int Limit = 64 * 1024;

    private static readonly string[] WrongForNumbers = ["true", "false", "[]", "{}", "[1]", "{\"value\":1}", "\"250.00\"", "\"1e3\"", "\"\"", "\"NaN\""];

    private static readonly string[] WrongForStrings = ["true", "false", "[]", "{}", "[\"x\"]", "{\"value\":\"x\"}", "12", "1.5", "-0", "1e308"];

    private static readonly string[] EdgeNumbers =
    [
        "1e308", "-1e308", "1e309", "-0", "0", "0.001", "99.999", "100.001", "1234567890123456789", "-1234567890123456789",
        "1e20", "1e-30", "1000000.01", "9999999999999999999999999999", "79228162514264337593543950336", "1E400", "-100",
    ];

    private static readonly string[] UnknownMembers = ["x", "amountt", "buyer.name", "__proto__", "constructor", "$type", "💳", "name\u0000", "ID", "extra field"];

    /// <summary>Every hostile body for <paramref name="route"/>.</summary>
    public static List<HostileBody> For(HostileRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var bodies = new List<HostileBody>();
        WholeBodies(route, bodies);
        if (route.Template is null)
        {
            // A route without a body: every JSON value is one too many.
            foreach (var value in WrongForStrings.Concat(EdgeNumbers).Concat(HostileStrings().Select(JsonEscaped)))
            {
                bodies.Add(Text($"reason={Shorten(value)}", $"{{\"reason\":{value}}}", route.FieldOfAnyBody));
            }

            return bodies;
        }

        foreach (var (path, isNumber) in route.Fields)
        {
            foreach (var value in isNumber ? WrongForNumbers.Concat(EdgeNumbers.Where(IsOutOfRangeAmount)) : WrongForStrings)
            {
                bodies.Add(Mutated(route, $"{path}={value}", path, value));
            }

            if (!isNumber)
            {
                foreach (var text in HostileStrings())
                {
                    bodies.Add(Mutated(route, $"{path}={JsonEscaped(text)}", path, JsonEscaped(text)));
                }
            }

            bodies.Add(Mutated(route, $"{path} nested 40 deep", path, new string('[', 40) + new string(']', 40)));
            if (route.Strict)
            {
                bodies.Add(Duplicated(route, path));
            }
        }

        if (route.Strict)
        {
            foreach (var unknown in UnknownMembers)
            {
                var body = route.Template();
                body[unknown] = "x";
                bodies.Add(Text($"unknown '{unknown}'", body.ToJsonString(), unknown));
            }
        }

        return bodies;
    }

    private static void WholeBodies(HostileRoute route, List<HostileBody> bodies)
    {
        var field = route.FieldOfAnyBody;
        foreach (var text in (string[])["null", "true", "1", "-0", "1e308", "\"x\"", "[]", "[{}]", "{", "}", "{\"a\":}", "{,}", "{'a':1}", "{\"a\":1,}", "/*x*/{}", "NaN", "Infinity", "{}{}", "\u0000", "{\"a\":\"\u0001\"", "[" + new string('[', 1000)])
        {
            // A strict route stops at the first member it does not know, and names it.
            var stopsAtMemberA = route.Template is not null && route.Strict && text.StartsWith("{\"a\"", StringComparison.Ordinal);
            bodies.Add(Text($"body {Shorten(text)}", text, stopsAtMemberA ? "a" : field));
        }

        bodies.Add(new HostileBody("invalid UTF-8", [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "body"));
        bodies.Add(new HostileBody("UTF-16 body", Encoding.Unicode.GetBytes("{\"a\":1}"), field));
        bodies.Add(Text("object nested 1000 deep", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000), route.Template is not null && route.Strict ? "a" : field));
        bodies.Add(Text("one byte over the limit", "{" + new string(' ', Limit - 1) + "}", "body"));
        bodies.Add(Text("a megabyte", "{\"a\":\"" + new string('a', 1 << 20) + "\"}", "body"));
        bodies.Add(new HostileBody("a megabyte, chunked", Encoding.UTF8.GetBytes("[" + new string('1', 1 << 20) + "]"), "body", Chunked: true));
    }

    private static bool IsOutOfRangeAmount(string number) =>
        !decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount is < 100m or > 1_000_000m || decimal.Round(amount, 2) != amount;

    /// <summary>
    /// Control characters (C0, DEL, C1), invisible formatting (bidi overrides, zero-width), unpaired surrogates and
    /// private use, each at the start, in the middle and at the end of a word.
    /// </summary>
    private static IEnumerable<string> HostileStrings()
    {
        var characters = Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)
            .Concat("\u200B\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF\u00AD\uD800\uDC00\uE000");
        foreach (var c in characters)
        {
            yield return $"{c}name";
            yield return $"na{c}me";
            yield return $"name{c}";
        }
    }

    /// <summary>A JSON string literal with every character outside printable ASCII escaped, unpaired surrogates included.</summary>
    private static string JsonEscaped(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c is >= ' ' and < '\u007F' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return builder.Append('"').ToString();
    }

    private static HostileBody Mutated(HostileRoute route, string name, string path, string rawValue)
    {
        // The value is spliced in as raw JSON, so edge numbers reach the server exactly as written.
        const string Marker = "\"__hostile__\"";
        var body = route.Template!();
        var parts = path.Split('.');
        var parent = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        parent[parts[^1]] = "__hostile__";
        return Text(name, body.ToJsonString().Replace(Marker, rawValue, StringComparison.Ordinal), path);
    }

    private static HostileBody Duplicated(HostileRoute route, string path)
    {
        var body = route.Template!();
        var parts = path.Split('.');
        var parent = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        var value = parent[parts[^1]]!.ToJsonString();
        var json = parent.ToJsonString();
        var repeated = json[..^1] + $",\"{parts[^1]}\":{value}}}";
        var text = parts.Length == 1 ? repeated : body.ToJsonString().Replace(json, repeated, StringComparison.Ordinal);
        return Text($"{path} twice", text, path);
    }

    private static HostileBody Text(string name, string text, string field) => new(name, Encoding.UTF8.GetBytes(text), field);

    private static string Shorten(string text) => text.Length > 12 ? text[..12] + "…" : text;
}
