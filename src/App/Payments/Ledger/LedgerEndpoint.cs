using PaymentFunctions.App.Payments.Api;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments.Ledger;

/// <summary><c>GET /api/payments/{id}/ledger</c>: the payment's double-entry ledger, so operators (and the monitor) see where its value sits.</summary>
internal static class LedgerEndpoint
{
    public static async Task<IResult> GetAsync(HttpContext context, string id)
    {
        var store = context.RequestServices.GetRequiredService<PaymentStore>();
        if (await store.FindAsync(id, context.RequestAborted) is null)
        {
            return PaymentProblems.NotFound(id);
        }

        var transactions = await store.ListLedgerAsync(id, context.RequestAborted);
        return Results.Ok(transactions
            .Select(t => new LedgerTransactionView(t.Movement.ToString(), t.OccurredAt, [.. t.Entries.OrderByDescending(e => e.Amount).Select(e => new LedgerEntryView(e.Account, e.Amount))]))
            .ToList());
    }
}
