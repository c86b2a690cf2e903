using System.Globalization;
using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.Demo;

/// <summary>The demo's command line: <c>[--port N] [--lang es|en] [--amount MXN] [--backend postgres|azureStorage] [--no-wait]</c>.</summary>
/// <param name="Port">Where the app listens (default 7071, as Azure Functions Core Tools).</param>
/// <param name="Language">Timeline language (<c>es</c> or <c>en</c>).</param>
/// <param name="Amount">The demo payment's amount in MXN.</param>
/// <param name="NoWait">Exit after the summary instead of keeping the app up until Ctrl+C.</param>
/// <param name="Backend">Where the app's task hub lives: PostgreSQL (default) or Azure Storage on a private Azurite.</param>
public sealed record DemoArguments(int Port, string Language, decimal Amount, bool NoWait, TaskHubBackend Backend)
{
    /// <summary>The usage line printed by <c>--help</c> and on bad arguments.</summary>
    public const string Usage = "usage: ./run.sh [--port N] [--lang es|en] [--amount MXN] [--backend postgres|azureStorage] [--no-wait]";

    /// <summary>Reads the arguments; null with <paramref name="error"/> set when they are wrong (or <c>--help</c>).</summary>
    public static DemoArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var result = new DemoArguments(7071, "es", 1500.00m, false, TaskHubBackend.Postgres);
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536:
                    result = result with { Port = port };
                    i++;
                    break;
                case "--lang" when value is "es" or "en":
                    result = result with { Language = value };
                    i++;
                    break;
                case "--amount" when decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount >= 100m:
                    result = result with { Amount = amount };
                    i++;
                    break;
                case "--backend" when value is "postgres" or "azureStorage":
                    result = result with { Backend = value == "postgres" ? TaskHubBackend.Postgres : TaskHubBackend.AzureStorage };
                    i++;
                    break;
                case "--no-wait":
                    result = result with { NoWait = true };
                    break;
                case "--help" or "-h":
                    error = Usage;
                    return null;
                default:
                    error = $"unknown or invalid argument '{args[i]}'{(value is null ? "" : $" '{value}'")}\n{Usage}";
                    return null;
            }
        }

        return result;
    }
}
