using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PaymentFunctions.Functions.Tests.Infra;

/// <summary><c>infra/</c> through the Bicep CLI: it compiles and lints clean, and the template says what the design asks.</summary>
public sealed partial class InfraTests(InfraFixture infra) : IClassFixture<InfraFixture>
{
    // Settings the Functions host or the platform sets itself, not the code (Flex Consumption forbids FUNCTIONS_WORKER_RUNTIME).
    private static readonly string[] PlatformSettings = ["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME"];

    [Fact]
    public void Bicep_build_succeeds_without_warnings()
    {
        Assert.Equal(0, infra.Build.ExitCode);
        Assert.Equal("", infra.Build.Errors.Trim());
    }

    [Fact]
    public async Task Bicep_lint_reports_nothing()
    {
        var lint = await BicepCli.RunAsync("lint", "main.bicep");

        Assert.Equal(0, lint.ExitCode);
        Assert.Equal("", (lint.Output + lint.Errors).Trim());
    }

    [Fact]
    public void The_bridge_key_is_an_HSM_secp256k1_key_that_only_signs_and_verifies()
    {
        var key = Assert.Single(infra.Template.OfType("Microsoft.KeyVault/vaults/keys"));
        var properties = key["properties"]!;

        Assert.Equal("EC-HSM", (string?)properties["kty"]);
        Assert.Equal("P-256K", (string?)properties["curveName"]);
        Assert.Equal(["sign", "verify"], properties["keyOps"]!.AsArray().Select(o => (string?)o));
    }

    [Fact]
    public void The_vault_is_Premium_with_RBAC()
    {
        var vault = Assert.Single(infra.Template.OfType("Microsoft.KeyVault/vaults"));

        Assert.Equal("premium", (string?)vault["properties"]!["sku"]!["name"]);
        Assert.True((bool?)vault["properties"]!["enableRbacAuthorization"]);
    }

    [Fact]
    public void Each_role_assignment_grants_one_least_privilege_role_on_one_resource()
    {
        var assignments = infra.Template.OfType("Microsoft.Authorization/roleAssignments")
            .Select(a => (Role: RoleId().Match((string)a["properties"]!["roleDefinitionId"]!).Value, Scope: (string?)a["scope"] ?? "resource group"))
            .OrderBy(a => a.Role, StringComparer.Ordinal)
            .ToList();

        var storage = "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]";
        var vault = "[resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))]";
        var insights = "[resourceId('Microsoft.Insights/components', parameters('insightsName'))]";
        (string, string)[] expected =
        [
            ("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", storage), // Storage Table Data Contributor
            ("12338af0-0e69-4776-bea7-57ae8d297424", vault), // Key Vault Crypto User
            ("3913510d-42f4-4e42-8a64-420c390055eb", insights), // Monitoring Metrics Publisher
            ("4633458b-17de-408a-b874-0445c86b69e6", vault), // Key Vault Secrets User
            ("974c5e8b-45b9-4653-ba55-5f855dd0fb88", storage), // Storage Queue Data Contributor
            ("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", storage), // Storage Blob Data Owner
        ];
        Assert.Equal(expected, assignments);

        // All to the app's user-assigned identity.
        var roles = infra.Template.Module("roles");
        Assert.Contains("'identity'", (string)roles["properties"]!["parameters"]!["principalId"]!["value"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_app_is_a_dotnet_10_isolated_app_on_Flex_Consumption_as_the_managed_identity()
    {
        var plan = Assert.Single(infra.Template.OfType("Microsoft.Web/serverfarms"));
        var site = Assert.Single(infra.Template.OfType("Microsoft.Web/sites"));

        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("dotnet-isolated", (string?)site["properties"]!["functionAppConfig"]!["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)site["properties"]!["functionAppConfig"]!["runtime"]!["version"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)site["properties"]!["keyVaultReferenceIdentity"]);
    }

    [Fact]
    public void Storage_takes_no_shared_keys()
    {
        var account = Assert.Single(infra.Template.OfType("Microsoft.Storage/storageAccounts"));

        Assert.False((bool?)account["properties"]!["allowSharedKeyAccess"]);
        Assert.Contains(this.AppSettings(), s => s.Name == "AzureWebJobsStorage__accountName");
        Assert.DoesNotContain(this.AppSettings(), s => s.Name == "AzureWebJobsStorage");
    }

    [Fact]
    public void No_app_setting_holds_a_literal_secret()
    {
        var secureParameters = infra.Template.Root["parameters"]!.AsObject()
            .Where(p => ((string?)p.Value!["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .Select(p => p.Key)
            .ToList();
        Assert.Contains("postgresAdministratorPassword", secureParameters);
        var reference = (string?)infra.Template.Root["functions"]![0]!["members"]!["secretReference"]!["output"]!["value"];
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName={1})'", reference);

        foreach (var (name, value) in this.AppSettings())
        {
            Assert.DoesNotMatch(CredentialMarker(), value);
            Assert.DoesNotContain(secureParameters, p => value.Contains($"parameters('{p}')", StringComparison.Ordinal));
            if (SecretName().IsMatch(name))
            {
                Assert.StartsWith("[__bicep.secretReference(variables('vaultName'), '", value);
            }
        }
    }

    [Fact]
    public void Every_setting_the_code_reads_is_set()
    {
        var set = this.AppSettings().Select(s => s.Name.Replace("__", ":", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = BuildOutput.SampleSettings().Keys.Except(PlatformSettings).Where(k => !set.Contains(k));
        Assert.Empty(missing);
    }

    /// <summary>The site's settings: the module's own host settings and the ones main.bicep passes in.</summary>
    private List<(string Name, string Value)> AppSettings()
    {
        var module = infra.Template.Module("functionapp");
        var hostSettings = module["properties"]!["template"]!["variables"]!["hostSettings"]!.AsArray();
        var passed = module["properties"]!["parameters"]!["appSettings"]!["value"]!.AsArray();
        return hostSettings.Concat(passed).OfType<JsonObject>().Select(s => ((string)s["name"]!, (string)s["value"]!)).ToList();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleId();

    [GeneratedRegex("Password=|AccountKey=|SharedAccessSignature|sig=|InstrumentationKey=", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialMarker();

    [GeneratedRegex("^(ConnectionStrings__|Keys__|Payments__Approvers__)|ApiKey$|ApiSecret$|Secret$|Password|RpcUrl$")]
    private static partial Regex SecretName();
}
