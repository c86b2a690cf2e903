namespace PaymentFunctions.App.Security;

/// <summary>The host's keys, from the <c>Keys</c> settings (<c>Keys:Function</c>, <c>Keys:Admin</c>, <c>Keys:DurableTask</c>).</summary>
public sealed class FunctionKeyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Keys";

    /// <summary>Opens HTTP triggers at function level.</summary>
    public string? Function { get; set; }

    /// <summary>Opens everything, including the management API (the Functions master key).</summary>
    public string? Admin { get; set; }

    /// <summary>
    /// Opens the management API only. It is the <c>code</c> put into check-status URIs, as Durable Functions does
    /// with its extension key, so the admin key never goes out in a response.
    /// </summary>
    public string? DurableTask { get; set; }

    /// <summary>No key at all: local development, where callers on this machine need none (as with Core Tools).</summary>
    internal bool IsEmpty => string.IsNullOrEmpty(this.Function) && string.IsNullOrEmpty(this.Admin) && string.IsNullOrEmpty(this.DurableTask);

    /// <inheritdoc />
    public override string ToString() =>
        $"Keys {{ Function = {Mask(this.Function)}, Admin = {Mask(this.Admin)}, DurableTask = {Mask(this.DurableTask)} }}";

    private static string Mask(string? key) => string.IsNullOrEmpty(key) ? "(none)" : "***";
}
