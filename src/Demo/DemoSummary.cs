using System.Globalization;
using System.Numerics;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Demo.Api;
using Spectre.Console;

namespace PaymentFunctions.Demo;

/// <summary>The closing table: what the payment did, where the money is now, and how long it took.</summary>
internal static class DemoSummary
{
    public static async Task PrintAsync(LocalRun run, PaymentSnapshot payment, TimeSpan createdToEnd, TimeSpan total, CancellationToken cancellationToken)
    {
        var (escrowBalance, bridgeBalance) = await run.ChainBalancesAsync(cancellationToken).ConfigureAwait(false);
        var payout = run.Stack.Juno.Transactions.LastOrDefault(t =>
            t.TransactionType == JunoTransactionType.Redemption && t.Details?.DestinationBankAccountId == run.Seller.Id);

        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Payment summary[/]").AddColumn("").AddColumn("");
        table.HideHeaders();
        Row(table, "Payment", payment.Id);
        Row(table, "Status", payment.Status, payment.Status == "Completed" ? "green" : "red");
        Row(table, "Amount", $"{Mxn.Of(payment.Amount)} MXN");
        Row(table, "Escrow id", payment.Escrow?.Id ?? "—");
        Row(table, "createEscrow tx", payment.Escrow?.CreateTx ?? "—");
        Row(table, "release tx", payment.Escrow?.ReleaseTx ?? "—");
        Row(table, "Seller's payout", payout is null
            ? "—"
            : $"{Mxn.Of(payout.Amount)} MXN by SPEI to {ClabeMask.Mask(run.Seller.Clabe)} ({payout.SummaryStatus})");
        Row(table, "Escrow contract MXNB", Tokens(escrowBalance));
        Row(table, "Bridge wallet MXNB", Tokens(bridgeBalance));
        Row(table, "Juno MXNB balance", run.Stack.Juno.MxnbBalance.ToString());
        if (payment.FirstAt("DepositMatched") is { } matched && (payment.FirstAt("PayoutSettled") ?? payment.FirstAt("Completed")) is { } settled)
        {
            Row(table, "Deposit matched → payout", Seconds(settled - matched));
        }

        Row(table, "Created → " + payment.Status, Seconds(createdToEnd));
        Row(table, "Elapsed (whole demo)", Seconds(total));
        AnsiConsole.Write(table);
    }

    private static void Row(Table table, string name, string value, string style = "default") =>
        table.AddRow(new Markup(Markup.Escape(name), new Style(decoration: Decoration.Bold)), new Markup(Markup.Escape(value), Style.Parse(style)));

    private static string Tokens(BigInteger baseUnits) => MxnbAmount.FromBaseUnits(baseUnits).ToString();

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
