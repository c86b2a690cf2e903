using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using PaymentFunctions.App.Hosting;

namespace PaymentFunctions.App.Tests.Hosting;

public sealed class FunctionsHostTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("functions-host-");

    public void Dispose() => this.root.Delete(recursive: true);

    [Fact]
    public void Reads_host_json_under_the_host_section_and_flattens_local_settings_values()
    {
        this.Write("host.json", """{ "extensions": { "durableTask": { "hubName": "FromHostJson", "maxConcurrentActivityFunctions": 3 } } }""");
        this.Write("local.settings.json", """{ "IsEncrypted": false, "Values": { "MySetting": "from-file", "Nested:Key": "n", "Count": 7 }, "ConnectionStrings": { "Db": "Host=x" } }""");

        var configuration = this.BuildConfiguration();

        Assert.Equal("FromHostJson", configuration["AzureFunctionsJobHost:extensions:durableTask:hubName"]);
        Assert.Equal("3", configuration["AzureFunctionsJobHost:extensions:durableTask:maxConcurrentActivityFunctions"]);
        Assert.Equal("from-file", configuration["MySetting"]);
        Assert.Equal("n", configuration["Nested:Key"]);
        Assert.Equal("7", configuration["Count"]);
        Assert.Equal("Host=x", configuration.GetConnectionString("Db"));
        Assert.Null(configuration["Values:MySetting"]);
    }

    [Fact]
    public void Later_sources_such_as_the_environment_and_command_line_override_both_files()
    {
        this.Write("host.json", """{ "extensions": { "durableTask": { "hubName": "FromHostJson" } } }""");
        this.Write("local.settings.json", """{ "Values": { "MySetting": "from-file", "Untouched": "file" } }""");

        var configuration = this.BuildConfiguration("--MySetting=from-command-line", "--AzureFunctionsJobHost:extensions:durableTask:hubName=Overridden");

        Assert.Equal("from-command-line", configuration["MySetting"]);
        Assert.Equal("file", configuration["Untouched"]);
        Assert.Equal("Overridden", configuration["AzureFunctionsJobHost:extensions:durableTask:hubName"]);
    }

    [Fact]
    public void Host_json_log_levels_become_logging_levels()
    {
        this.Write("host.json", """{ "logging": { "logLevel": { "default": "Warning", "PaymentFunctions": "Debug" } } }""");

        var configuration = this.BuildConfiguration();

        Assert.Equal("Warning", configuration["Logging:LogLevel:Default"]);
        Assert.Equal("Debug", configuration["Logging:LogLevel:PaymentFunctions"]);
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        this.Write("local.settings.json", "{ \"Values\": { ");

        var error = Assert.Throws<InvalidOperationException>(() => this.BuildConfiguration());

        Assert.Contains("local.settings.json", error.Message);
    }

    [Fact]
    public void Finds_host_json_in_a_parent_folder()
    {
        this.Write("host.json", "{}");
        var nested = this.root.CreateSubdirectory("src").CreateSubdirectory("App");

        Assert.Equal(this.root.FullName, FunctionsHost.FindScriptRoot(null, nested.FullName));
        Assert.Equal(nested.FullName, FunctionsHost.FindScriptRoot(nested.FullName, "/"));
    }

    [Fact]
    public void Resolves_percent_setting_references_and_rejects_missing_ones()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Schedule"] = "0 */5 * * * *" }).Build();

        Assert.Equal("0 */5 * * * *", FunctionsHost.ResolveSettingReference(configuration, "%Schedule%"));
        Assert.Equal("literal", FunctionsHost.ResolveSettingReference(configuration, "literal"));
        var error = Assert.Throws<InvalidOperationException>(() => FunctionsHost.ResolveSettingReference(configuration, "%Missing%"));
        Assert.Contains("Missing", error.Message);
    }

    private IConfiguration BuildConfiguration(params string[] args)
    {
        var builder = WebApplication.CreateBuilder([$"--{FunctionsHost.ScriptRootSetting}={this.root.FullName}", .. args]);
        builder.AddFunctionsHost();
        return builder.Configuration;
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(this.root.FullName, name), content);
}
