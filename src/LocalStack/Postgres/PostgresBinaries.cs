using System.Globalization;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// Finds the PostgreSQL server programs on the machine: an explicit folder, then
/// <c>PAYMENTFUNCTIONS_PG_BIN</c>, then the highest Debian version under /usr/lib/postgresql,
/// then other usual install folders, then whatever <c>initdb</c> on the PATH points at.
/// </summary>
internal static class PostgresBinaries
{
    /// <summary>Overrides discovery for every cluster of the process.</summary>
    public const string EnvironmentVariable = "PAYMENTFUNCTIONS_PG_BIN";

    private static readonly string[] ServerPrograms = ["initdb", "pg_ctl", "postgres"];

    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Validate(configured, "the options' BinDirectory");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Validate(fromEnvironment, EnvironmentVariable);
        }

        foreach (var candidate in Candidates())
        {
            if (HasServerPrograms(candidate))
            {
                return candidate;
            }
        }

        throw new PostgresClusterException(
            "No PostgreSQL server programs (initdb, pg_ctl, postgres) were found in /usr/lib/postgresql/<version>/bin, "
            + $"/usr/pgsql-<version>/bin, /usr/local/pgsql/bin or on the PATH. Install them (Debian: apt-get install -y postgresql) "
            + $"or set {EnvironmentVariable} to their folder.");
    }

    /// <summary>The full path of a program in the folder.</summary>
    public static string Program(string binDirectory, string name) => Path.Combine(binDirectory, name);

    private static string Validate(string directory, string source)
    {
        var full = Path.GetFullPath(directory);
        if (!HasServerPrograms(full))
        {
            throw new PostgresClusterException($"{source} points at '{full}', which does not hold initdb, pg_ctl and postgres.");
        }

        return full;
    }

    private static bool HasServerPrograms(string directory) =>
        ServerPrograms.All(program => File.Exists(Path.Combine(directory, program)));

    private static IEnumerable<string> Candidates()
    {
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/lib/postgresql" })
        {
            foreach (var directory in VersionedDirectories(root, name => name))
            {
                yield return Path.Combine(directory, "bin");
            }
        }

        foreach (var directory in VersionedDirectories("/usr", name => name.StartsWith("pgsql-", StringComparison.Ordinal) ? name[6..] : null))
        {
            yield return Path.Combine(directory, "bin");
        }

        yield return "/usr/local/pgsql/bin";

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var entry in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(entry, "initdb");
            if (File.Exists(initdb))
            {
                // initdb finds postgres next to its real file, so follow links such as /usr/local/bin/initdb.
                var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
                yield return Path.GetDirectoryName(Path.GetFullPath(target))!;
            }
        }
    }

    /// <summary>Sub-folders whose name parses as a version, highest first.</summary>
    private static IEnumerable<string> VersionedDirectories(string root, Func<string, string?> versionOf)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root)
            .Select(directory => (directory, version: ParseVersion(versionOf(Path.GetFileName(directory)))))
            .Where(entry => entry.version is not null)
            .OrderByDescending(entry => entry.version)
            .Select(entry => entry.directory)
            .ToList();
    }

    private static Version? ParseVersion(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return new Version(major, 0);
        }

        return Version.TryParse(text, out var version) ? version : null;
    }
}
