using System.Security.Cryptography;

namespace PaymentFunctions.Demo;

/// <summary>
/// The keys the demo gives its app, fresh each run: the admin key (management API), the Durable Task system key
/// (the <c>code</c> in check-status URLs) and two approvers, so the management API is open to the user and a payment
/// above the double-approval threshold can be approved through the API.
/// </summary>
/// <param name="Admin">The value of <c>Keys:Admin</c>.</param>
/// <param name="DurableTask">The value of <c>Keys:DurableTask</c>.</param>
/// <param name="Approvers">Approver name → key (<c>Payments:Approvers</c>).</param>
public sealed record DemoKeys(string Admin, string DurableTask, IReadOnlyDictionary<string, string> Approvers)
{
    /// <summary>New random keys and the approvers <c>ana</c> and <c>luis</c>.</summary>
    public static DemoKeys Generate() => new(
        NewKey(),
        NewKey(),
        new Dictionary<string, string>(StringComparer.Ordinal) { ["ana"] = NewKey(), ["luis"] = NewKey() });

    /// <summary>The app settings that configure these keys.</summary>
    public IReadOnlyDictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Keys:Admin"] = Admin,
            ["Keys:DurableTask"] = DurableTask,
        };
        foreach (var (name, key) in Approvers)
        {
            settings[$"Payments:Approvers:{name}"] = key;
        }

        return settings;
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
