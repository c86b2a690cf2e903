namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// Finds the committed contract artifacts. They live in the repository (<c>contracts/artifacts</c>), not in
/// the build output, so they are located by walking up from the running assembly to the repository root.
/// </summary>
public static class ContractArtifacts
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root: the nearest folder above the app that holds <c>PaymentFunctions.sln</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The app does not run from inside the repository.</exception>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The folder holding <c>&lt;Name&gt;.json</c> artifacts.</summary>
    public static string Directory => Path.Combine(RepositoryRoot, "contracts", "artifacts");

    /// <summary>The MXNB test token.</summary>
    public static ContractArtifact Mxnb => Load("MXNB");

    /// <summary>The payment escrow.</summary>
    public static ContractArtifact PaymentEscrow => Load("PaymentEscrow");

    /// <summary>Loads <c>contracts/artifacts/&lt;name&gt;.json</c>.</summary>
    public static ContractArtifact Load(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ContractArtifact.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")));
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PaymentFunctions.sln")) && System.IO.Directory.Exists(Path.Combine(folder.FullName, "contracts")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No repository root (PaymentFunctions.sln with contracts/) above {AppContext.BaseDirectory}.");
    }
}
