using System.Runtime.InteropServices;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// Locates the anvil binary that <c>npm ci</c> installs from <c>@foundry-rs/anvil</c>: the platform package
/// <c>node_modules/@foundry-rs/anvil-&lt;os&gt;-&lt;arch&gt;/bin/anvil</c> in the nearest folder above the app.
/// </summary>
public static class AnvilExecutable
{
    /// <summary>Environment variable that overrides the location.</summary>
    public const string PathVariable = "ANVIL_PATH";

    /// <summary>Finds the binary, starting at <paramref name="startDirectory"/> (default: the app's base directory).</summary>
    /// <exception cref="AnvilException">No binary was found; the message tells the user to run <c>npm ci</c>.</exception>
    public static string Find(string? startDirectory = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new AnvilException($"{PathVariable} points to '{fromEnvironment}', which does not exist.");
        }

        var platformPackage = PlatformPackage();
        var binaryName = OperatingSystem.IsWindows() ? "anvil.exe" : "anvil";
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var nodeModules = Path.Combine(dir.FullName, "node_modules");
            if (!Directory.Exists(nodeModules))
            {
                continue;
            }

            var candidate = Path.Combine(nodeModules, "@foundry-rs", platformPackage, "bin", binaryName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            throw new AnvilException(
                $"'{nodeModules}' has no {platformPackage} binary ({candidate}). Run `npm ci` at the repository root to install @foundry-rs/anvil.");
        }

        throw new AnvilException(
            $"No node_modules folder above '{startDirectory ?? AppContext.BaseDirectory}'. Run `npm ci` at the repository root to install @foundry-rs/anvil, or set {PathVariable}.");
    }

    private static string PlatformPackage()
    {
        var os = OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            _ => "amd64",
        };
        return $"anvil-{os}-{arch}";
    }
}
