using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Rules.Persistence;

/// <summary>Creates or upgrades the rules schema under an advisory lock, so hosts starting together take turns.</summary>
public static class RulesDatabase
{
    /// <summary>ASCII "rulemigr".</summary>
    public const long MigrationLockKey = 0x72756C656D696772;

    public static async Task MigrateAsync(IDbContextFactory<RulesDbContext> contexts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var connectionString = context.Database.GetConnectionString()
                ?? throw new InvalidOperationException("The rules context has no connection string.");
            await PaymentsDatabase.MigrateUnderLockAsync(context, connectionString, MigrationLockKey, ct).ConfigureAwait(false);
        }
    }
}
