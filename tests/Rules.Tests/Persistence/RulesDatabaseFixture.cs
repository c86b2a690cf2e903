using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentFunctions.LocalStack.Postgres;
using PaymentFunctions.Rules.Audit;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Rules.Tests.Persistence;

/// <summary>A fresh, migrated rules database per test class on the run's private PostgreSQL, wired as the host wires it.</summary>
public sealed class RulesDatabaseFixture : IAsyncLifetime
{
    private ServiceProvider? services;

    public string ConnectionString { get; private set; } = "";

    public IServiceProvider Services => this.services ?? throw new InvalidOperationException("Not initialized.");

    public IDbContextFactory<RulesDbContext> Contexts => this.Services.GetRequiredService<IDbContextFactory<RulesDbContext>>();

    public RuleStore Store => this.Services.GetRequiredService<RuleStore>();

    public AuditLog Audit => this.Services.GetRequiredService<AuditLog>();

    public async Task InitializeAsync()
    {
        this.ConnectionString = await SharedPostgres.CreateDatabaseAsync("rules");
        this.services = new ServiceCollection().AddRulesDatabase(this.ConnectionString).BuildServiceProvider();
        await RulesDatabase.MigrateAsync(this.Contexts, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (this.services is not null)
        {
            await this.services.DisposeAsync();
        }
    }

    public SafetyLedger Ledger(SafetyLimits limits, TimeProvider? time = null) => new(this.Contexts, Options.Create(limits), time ?? TimeProvider.System);
}
