using Microsoft.EntityFrameworkCore;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>The unit of work the stores share: a fresh context and one transaction per call.</summary>
public static class DbContextFactoryExtensions
{
    /// <summary>Runs <paramref name="work"/> in one transaction on a fresh context; commits unless it throws.</summary>
    public static async Task<T> InTransactionAsync<TContext, T>(this IDbContextFactory<TContext> contexts, Func<TContext, Task<T>> work, CancellationToken ct)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(work);
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(context).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }
        }
    }
}
