using System.Security.Cryptography;
using System.Text;

namespace PaymentFunctions.DurableTask.Postgres.Notifications;

/// <summary>
/// The NOTIFY channels of one hub: one for orchestration messages, one for activity tasks. Hub names may be long or
/// hold any character, so the channel names carry a hash of the hub (channel names are identifiers of at most 63 bytes).
/// </summary>
internal sealed record HubChannels(string Orchestrations, string Activities)
{
    public static HubChannels For(string schema, string hub)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema + "/" + hub)))[..24];
        return new($"dt_{hash}_o", $"dt_{hash}_a");
    }
}
