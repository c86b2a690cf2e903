using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Timeline;

namespace PaymentFunctions.Payments.Tests.Timeline;

public sealed class TimelineRendererTests
{
    private const string Clabe = "646180157000000004";

    private static readonly Dictionary<string, string> FullData = new()
    {
        [TimelineData.AmountMxn] = "1234.50",
        [TimelineData.Clabe] = Clabe,
        [TimelineData.TransactionId] = "juno-tx-1",
        [TimelineData.TransactionHash] = "0x" + new string('a', 60) + "beef",
        [TimelineData.EscrowId] = "42",
        [TimelineData.Actor] = "alice",
        [TimelineData.Count] = "1",
        [TimelineData.Required] = "2",
        [TimelineData.Reason] = "producto dañado",
        [TimelineData.Until] = "2030-01-15T12:00:00Z",
        [TimelineData.Outcome] = nameof(DisputeOutcome.Buyer),
        [TimelineData.TrackingKey] = "TRK123",
        [TimelineData.Status] = "Released",
    };

    public static TheoryData<TimelineEventKind, string> EveryKindAndLanguage()
    {
        var data = new TheoryData<TimelineEventKind, string>();
        foreach (var kind in Enum.GetValues<TimelineEventKind>())
        {
            data.Add(kind, "es");
            data.Add(kind, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindAndLanguage))]
    public void Every_kind_renders_a_full_sentence_in_both_languages(TimelineEventKind kind, string language)
    {
        var text = TimelineRenderer.Render(Event(kind, FullData), language);

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.EndsWith(".", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(kind.ToString() + ".", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Clabe, text, StringComparison.Ordinal);
        Assert.NotEqual(TimelineRenderer.Render(Event(kind, FullData), language == "es" ? "en" : "es"), text);
    }

    [Theory]
    [MemberData(nameof(EveryKindAndLanguage))]
    public void Every_kind_renders_without_data(TimelineEventKind kind, string language)
    {
        var text = TimelineRenderer.Render(Event(kind, []), language);

        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$", text, StringComparison.Ordinal);
        Assert.EndsWith(".", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_are_formatted_invariantly_with_thousands_and_currency()
    {
        var data = new Dictionary<string, string> { [TimelineData.AmountMxn] = "1234567.5" };

        Assert.Equal("Pago completado: el vendedor recibió $1,234,567.50 MXN.", TimelineRenderer.Render(Event(TimelineEventKind.Completed, data), "es-MX"));
        Assert.Equal("Payment completed: the seller received $1,234,567.50 MXN.", TimelineRenderer.Render(Event(TimelineEventKind.Completed, data), "en"));
    }

    [Fact]
    public void Clabes_are_masked_to_their_last_four_digits()
    {
        var text = TimelineRenderer.Render(Event(TimelineEventKind.Created, FullData), "es");

        Assert.Equal("Pago creado por $1,234.50 MXN; el comprador debe depositar en la CLABE **************0004 antes del 2030-01-15 12:00 UTC.", text);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("ES")]
    [InlineData("fr")]
    [InlineData("")]
    public void Anything_not_english_renders_in_spanish(string language)
    {
        Assert.StartsWith("Se recibió el depósito", TimelineRenderer.Render(Event(TimelineEventKind.DepositMatched, FullData), language), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("EN-gb")]
    public void English_tags_render_in_english(string language)
    {
        Assert.Equal(
            "Deposit of $1,234.50 MXN received (transaction juno-tx-1).",
            TimelineRenderer.Render(Event(TimelineEventKind.DepositMatched, FullData), language));
    }

    /// <summary>Every value <see cref="TimelineEventKind.DisputeResolved"/> can carry, with the state the payment goes to.</summary>
    public static TheoryData<string?, string, string> DisputeOutcomes() => new()
    {
        { nameof(DisputeOutcome.Buyer), "alice resolvió la disputa: se reembolsará al comprador.", "alice resolved the dispute: the buyer will be refunded." },
        { nameof(DisputeOutcome.Seller), "alice resolvió la disputa: se liberará el pago al vendedor.", "alice resolved the dispute: the payment will be released to the seller." },
        { "buyer", "alice resolvió la disputa: se reembolsará al comprador.", "alice resolved the dispute: the buyer will be refunded." },
        { "refund", "alice resolvió la disputa.", "alice resolved the dispute." },
        { "1", "alice resolvió la disputa.", "alice resolved the dispute." },
        { null, "alice resolvió la disputa.", "alice resolved the dispute." },
    };

    [Theory]
    [MemberData(nameof(DisputeOutcomes))]
    public void A_dispute_resolution_names_who_gets_the_money_and_never_guesses(string? outcome, string spanish, string english)
    {
        var data = new Dictionary<string, string> { [TimelineData.Actor] = "alice" };
        if (outcome is not null)
        {
            data[TimelineData.Outcome] = outcome;
        }

        Assert.Equal(spanish, TimelineRenderer.Render(Event(TimelineEventKind.DisputeResolved, data), "es"));
        Assert.Equal(english, TimelineRenderer.Render(Event(TimelineEventKind.DisputeResolved, data), "en"));
    }

    [Fact]
    public void Every_dispute_outcome_renders_its_own_sentence()
    {
        var rendered = Enum.GetValues<DisputeOutcome>()
            .Select(o => TimelineRenderer.Render(Event(TimelineEventKind.DisputeResolved, new() { [TimelineData.Outcome] = o.ToString() }), "en"))
            .ToList();

        Assert.Equal(rendered.Count, rendered.Distinct().Count());
    }

    [Fact]
    public void Waiting_for_approvers_is_not_an_anonymous_release_request()
    {
        var data = new Dictionary<string, string> { [TimelineData.Count] = "0", [TimelineData.Required] = "2" };

        Assert.Equal("La liberación espera aprobaciones (0 de 2).", TimelineRenderer.Render(Event(TimelineEventKind.AwaitingApproval, data), "es"));
        Assert.Equal("The release awaits approvals (0 of 2).", TimelineRenderer.Render(Event(TimelineEventKind.AwaitingApproval, data), "en"));
    }

    [Theory]
    [InlineData("es", "El pago SPEI al vendedor fue devuelto: Payout returned by the receiving bank.")]
    [InlineData("en", "The SPEI payout to the seller was returned: Payout returned by the receiving bank.")]
    public void A_reason_that_ends_with_a_full_stop_is_not_given_a_second_one(string language, string expected)
    {
        var data = new Dictionary<string, string> { [TimelineData.Reason] = "Payout returned by the receiving bank." };

        Assert.Equal(expected, TimelineRenderer.Render(Event(TimelineEventKind.PayoutReturned, data), language));
    }

    private static TimelineEvent Event(TimelineEventKind kind, Dictionary<string, string> data) => new()
    {
        PaymentId = "pay_01jd5x7y8z9abcdefghjkmnpqr",
        Key = kind.ToString(),
        Kind = kind,
        OccurredAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Data = data,
    };
}
