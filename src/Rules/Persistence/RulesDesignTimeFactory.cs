using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PaymentFunctions.Rules.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the context without a host (see Migrations/README.md).</summary>
internal sealed class RulesDesignTimeFactory : IDesignTimeDbContextFactory<RulesDbContext>
{
    public RulesDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("RULES_DESIGN_CONNECTION") ?? "Host=localhost;Database=rules_design;Username=postgres";
        var options = new DbContextOptionsBuilder<RulesDbContext>();
        RulesDbContext.Configure(options, connectionString);
        return new RulesDbContext(options.Options);
    }
}
