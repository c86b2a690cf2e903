using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.LocalStack.Postgres;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Tests.Persistence;

/// <summary>One fresh, migrated database per test class on the run's private PostgreSQL, wired as the host wires it.</summary>
public sealed class PaymentsDatabaseFixture : IAsyncLifetime
{
    private ServiceProvider? services;

    public string ConnectionString { get; private set; } = "";

    public IServiceProvider Services => this.services ?? throw new InvalidOperationException("Not initialized.");

    public IDbContextFactory<PaymentsDbContext> Contexts => this.Services.GetRequiredService<IDbContextFactory<PaymentsDbContext>>();

    /// <summary>The store as registered (system clock).</summary>
    public PaymentStore Store => this.Services.GetRequiredService<PaymentStore>();

    public async Task InitializeAsync()
    {
        this.ConnectionString = await SharedPostgres.CreateDatabaseAsync("payments");
        this.services = new ServiceCollection().AddPaymentsDatabase(this.ConnectionString).BuildServiceProvider();
        await PaymentsDatabase.MigrateAsync(this.Contexts, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (this.services is not null)
        {
            await this.services.DisposeAsync();
        }
    }

    /// <summary>A store on the same database with its own clock, for tests that move time.</summary>
    public PaymentStore CreateStore(TimeProvider time) => new(this.Contexts, time);

    /// <summary>Creates a payment from <see cref="Request"/> through the registered store and returns its id.</summary>
    public async Task<string> CreatePaymentAsync(decimal amount = 1500.00m, string? depositClabe = null, int requiredApprovals = 1) =>
        (await this.Store.CreateAsync(Request(amount, depositClabe, requiredApprovals), null, CancellationToken.None)).Payment.Id;

    /// <summary>A valid, unique-enough request; <paramref name="depositClabe"/> lets tests share or separate deposit CLABEs.</summary>
    public static NewPayment Request(decimal amount = 1500.00m, string? depositClabe = null, int requiredApprovals = 1) => new(
        amount,
        "Ana Compradora",
        TestClabes.Next(),
        "Beto Vendedor",
        TestClabes.Next(),
        "bank-account-1",
        depositClabe ?? TestClabes.Next(),
        new DateTimeOffset(2030, 1, 15, 12, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2030, 1, 10, 12, 0, 0, TimeSpan.Zero),
        requiredApprovals);
}
