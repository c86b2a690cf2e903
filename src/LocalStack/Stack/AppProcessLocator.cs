using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Stack;

/// <summary>Finds the app's build output in the repository, building it when it is not there yet.</summary>
internal static class AppProcessLocator
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The dotnet host that runs this process (the SDK's, under tests and <c>dotnet run</c>).</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";

    public static async Task<string> LocateAsync(AppProcessOptions options, CancellationToken cancellationToken)
    {
        if (options.AppPath is { } configured)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new AppProcessException($"The app assembly '{configured}' does not exist.");
        }

        var project = FindAppProject(options.WorkingDirectory ?? Directory.GetCurrentDirectory())
            ?? throw new AppProcessException($"No src/App/App.csproj at or above '{Directory.GetCurrentDirectory()}'; set {nameof(AppProcessOptions.AppPath)}.");
        var assembly = Path.Combine(project, "bin", options.Configuration, AppProcessOptions.TargetFramework, AppProcessOptions.AppAssemblyFileName);
        if (File.Exists(assembly))
        {
            return assembly;
        }

        var build = await ProcessRunner.RunAsync(
            DotnetHost,
            ["build", project, "-c", options.Configuration, "--nologo", "-v", "quiet"],
            project,
            BuildTimeout,
            null,
            cancellationToken).ConfigureAwait(false);
        if (!build.Succeeded || !File.Exists(assembly))
        {
            throw new AppProcessException($"'dotnet build {project} -c {options.Configuration}' failed (exit {build.ExitCode}):\n{build.CombinedOutput}");
        }

        return assembly;
    }

    /// <summary>The nearest <c>src/App</c> folder holding <c>App.csproj</c> at or above <paramref name="start"/>.</summary>
    private static string? FindAppProject(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "App");
            if (File.Exists(Path.Combine(candidate, "App.csproj")))
            {
                return candidate;
            }
        }

        return null;
    }
}
