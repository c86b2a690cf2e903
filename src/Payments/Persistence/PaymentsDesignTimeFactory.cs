using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without a host. Adding a migration needs no server; for
/// <c>database update</c> or <c>script --idempotent</c> against a real one set <c>PAYMENTS_DESIGN_CONNECTION</c>.
/// </summary>
internal sealed class PaymentsDesignTimeFactory : IDesignTimeDbContextFactory<PaymentsDbContext>
{
    public PaymentsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("PAYMENTS_DESIGN_CONNECTION")
            ?? "Host=localhost;Database=payments_design;Username=postgres";
        var options = new DbContextOptionsBuilder<PaymentsDbContext>();
        PaymentsDbContext.Configure(options, connectionString);
        return new PaymentsDbContext(options.Options);
    }
}
