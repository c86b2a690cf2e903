using System.Globalization;

namespace PaymentFunctions.Durable.Storage;

/// <summary>A continuation token for instance queries: the (created time, instance id) of the last row returned.</summary>
public sealed record InstanceCursor(DateTimeOffset CreatedAt, string InstanceId)
{
    /// <summary>Reads a token; null for none.</summary>
    /// <exception cref="FormatException">The token was not produced by a store.</exception>
    public static InstanceCursor? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var separator = token.IndexOf('|', StringComparison.Ordinal);
        if (separator <= 0 || !long.TryParse(token.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            throw new FormatException("The continuation token is not valid.");
        }

        return new InstanceCursor(new DateTimeOffset(ticks, TimeSpan.Zero), token[(separator + 1)..]);
    }

    /// <summary>Whether a row with these keys comes after the cursor.</summary>
    public bool IsBefore(DateTimeOffset createdAt, string instanceId)
        => createdAt > this.CreatedAt || (createdAt == this.CreatedAt && string.CompareOrdinal(instanceId, this.InstanceId) > 0);

    /// <inheritdoc />
    public override string ToString() => $"{this.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{this.InstanceId}";
}
