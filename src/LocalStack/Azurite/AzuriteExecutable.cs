namespace PaymentFunctions.LocalStack.Azurite;

/// <summary>
/// Locates the azurite launcher that <c>npm ci</c> installs at the repository root
/// (<c>node_modules/.bin/azurite</c>), so tests and the app need no global install.
/// </summary>
public static class AzuriteExecutable
{
    /// <summary>Environment variable that overrides the location (a CI image with azurite elsewhere).</summary>
    public const string PathVariable = "AZURITE_PATH";

    /// <summary>
    /// Finds the launcher: <see cref="PathVariable"/> when set, else the nearest
    /// <c>node_modules/.bin/azurite</c> above <paramref name="startDirectory"/>, or above the app's base
    /// directory and then the current directory when none is given.
    /// </summary>
    /// <exception cref="AzuriteException">Nothing was found; the message tells the user to run <c>npm ci</c>.</exception>
    public static string Find(string? startDirectory = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new AzuriteException($"{PathVariable} points to '{fromEnvironment}', which does not exist.");
        }

        var starts = startDirectory is not null
            ? [startDirectory]
            : new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        var binaryName = OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite";
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", binaryName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new AzuriteException(
            $"No node_modules/.bin/{binaryName} above '{string.Join("' or '", starts.Distinct(StringComparer.Ordinal))}'. "
            + $"Run `npm ci` at the repository root to install azurite, or set {PathVariable}.");
    }
}
