namespace PaymentFunctions.Banking.Clabes;

/// <summary>Masks account numbers for logs and <c>ToString()</c>, keeping the last four digits for support.</summary>
public static class ClabeMask
{
    /// <summary>All but the last four characters replaced by <c>*</c>; null stays null.</summary>
    public static string? Mask(string? value) =>
        value is null ? null
        : value.Length <= 4 ? new string('*', value.Length)
        : new string('*', value.Length - 4) + value[^4..];
}
