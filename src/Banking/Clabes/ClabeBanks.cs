namespace PaymentFunctions.Banking.Clabes;

/// <summary>Bank names for the common ABM institution codes that begin a CLABE.</summary>
public static class ClabeBanks
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["002"] = "Banamex",
        ["006"] = "Bancomext",
        ["009"] = "Banobras",
        ["012"] = "BBVA México",
        ["014"] = "Santander",
        ["019"] = "Banjercito",
        ["021"] = "HSBC",
        ["030"] = "Bajío",
        ["032"] = "IXE",
        ["036"] = "Inbursa",
        ["042"] = "Mifel",
        ["044"] = "Scotiabank",
        ["058"] = "Banregio",
        ["059"] = "Invex",
        ["060"] = "Bansi",
        ["062"] = "Afirme",
        ["072"] = "Banorte",
        ["106"] = "Bank of America",
        ["127"] = "Azteca",
        ["130"] = "Compartamos",
        ["137"] = "BanCoppel",
        ["138"] = "ABC Capital",
        ["166"] = "Banco del Bienestar",
        ["646"] = "STP",
        ["659"] = "Opciones Empresariales del Noreste",
        ["684"] = "Transfer",
        ["710"] = "NVIO",
        ["722"] = "Mercado Pago",
    };

    /// <summary>The bank's short name, or <c>null</c> for a code not in the table.</summary>
    public static string? NameOf(string bankCode) =>
        bankCode is not null && Names.TryGetValue(bankCode, out var name) ? name : null;
}
