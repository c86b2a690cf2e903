using System.Globalization;
using System.Text.Json;
using PaymentFunctions.Rules.Definitions;

namespace PaymentFunctions.Rules.Validation;

/// <summary>
/// Layer 1: reads a rule's JSON into a <see cref="RuleDefinition"/>, checking format and required parameters. Only
/// structured data gets in: every member is known, typed and bounded, numbers are exact JSON numbers, and keys appear once.
/// </summary>
public static class StructuralValidator
{
    /// <summary>The most allocations, conditions, stakeholders or group members a rule may list.</summary>
    public const int MaxItems = 20;

    public static readonly IReadOnlyDictionary<string, RuleType> Types = new Dictionary<string, RuleType>(StringComparer.Ordinal)
    {
        ["contractor_payment"] = RuleType.ContractorPayment,
        ["revenue_allocation"] = RuleType.RevenueAllocation,
        ["profit_distribution"] = RuleType.ProfitDistribution,
    };

    private static readonly Dictionary<string, ConditionKind> Conditions = new(StringComparer.Ordinal)
    {
        ["amount_threshold"] = ConditionKind.AmountThreshold,
        ["balance_minimum"] = ConditionKind.BalanceMinimum,
        ["time_window"] = ConditionKind.TimeWindow,
        ["approval_gate"] = ConditionKind.ApprovalGate,
    };

    private static readonly Dictionary<string, ScheduleFrequency> Frequencies = new(StringComparer.Ordinal)
    {
        ["monthly"] = ScheduleFrequency.Monthly,
        ["weekly"] = ScheduleFrequency.Weekly,
        ["once"] = ScheduleFrequency.Once,
    };

    private static readonly Dictionary<string, ScheduleFrequency> Periods = new(StringComparer.Ordinal)
    {
        ["monthly"] = ScheduleFrequency.Monthly,
        ["quarterly"] = ScheduleFrequency.Quarterly,
    };

    private static readonly Dictionary<string, TriggerKind> Triggers = new(StringComparer.Ordinal)
    {
        ["schedule"] = TriggerKind.Schedule,
        ["balance"] = TriggerKind.Balance,
    };

    private static readonly Dictionary<string, DayOfWeek> DayNames = Enum.GetValues<DayOfWeek>()
        .ToDictionary(d => d.ToString().ToLowerInvariant()[..3], d => d, StringComparer.Ordinal);

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>Parses <paramref name="json"/>; the definition is null whenever a problem was found.</summary>
    public static StructuralResult Validate(string json)
    {
        var problems = new RuleProblems(ValidationLayer.Structural);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            problems.Add(ex.Path is { Length: > 0 } path ? path : "$", $"Not valid JSON (or a key is repeated): {ex.Message}");
            return new StructuralResult(null, problems.All);
        }

        using (document)
        {
            var definition = Read(document.RootElement, problems);
            return new StructuralResult(problems.Any ? null : definition, problems.All);
        }
    }

    private static RuleDefinition? Read(JsonElement root, RuleProblems problems)
    {
        if (JsonFields.Of(root, "$", problems) is not { } rule)
        {
            return null;
        }

        var type = rule.Choice("type", required: true, Types);
        var name = rule.String("name", required: true);
        var source = rule.Address("source_account", required: true);
        var conditions = rule.Array("conditions", required: false, MaxItems).Select(c => ReadCondition(c.Item, c.Path, problems)).ToList();
        var confirmations = rule.Int("confirmation_blocks", required: false);
        var definition = new RuleDefinition(type ?? RuleType.ContractorPayment, name ?? "", source ?? "")
        {
            Conditions = [.. conditions.OfType<RuleCondition>()],
            ConfirmationBlocks = confirmations ?? 3,
        };

        definition = type switch
        {
            RuleType.ContractorPayment => definition with
            {
                Recipient = ReadRecipient(rule.Object("recipient", required: true)),
                Amount = ReadAmount(rule.Object("amount", required: true)),
                Schedule = ReadSchedule(rule.Object("schedule", required: true), Frequencies),
            },
            RuleType.RevenueAllocation => definition with
            {
                Allocations = ReadAllocations(rule, "allocations", problems),
                Trigger = ReadTrigger(rule.Object("trigger", required: true)),
                MinimumAmount = rule.Decimal("minimum_amount", required: true),
            },
            RuleType.ProfitDistribution => ReadProfitDistribution(rule, definition, problems),
            _ => definition,
        };

        rule.RejectUnknown();
        return definition;
    }

    private static RuleDefinition ReadProfitDistribution(JsonFields rule, RuleDefinition definition, RuleProblems problems)
    {
        var period = rule.Choice("calculation_period", required: true, Periods);
        var stakeholders = rule.Array("stakeholders", required: true, MaxItems)
            .Select(s => s.Item.ValueKind == JsonValueKind.String && s.Item.GetString()!.Trim() is { Length: > 0 and <= 100 } who ? who : Bad(problems, s.Path, "Must be a stakeholder's approver name."))
            .ToList();
        if (rule.Has("stakeholders") && stakeholders.Count == 0)
        {
            rule.Problem("stakeholders", "Must name at least one stakeholder.");
        }

        return definition with
        {
            ProfitThreshold = rule.Decimal("profit_threshold", required: true),
            Allocations = ReadAllocations(rule, "distribution_rules", problems),
            CalculationPeriod = period,
            Stakeholders = [.. stakeholders.OfType<string>()],

            // The period is the schedule: due on the first day of each month or quarter.
            Schedule = period is { } p ? new RuleSchedule(p, 1, TimeSpan.Zero, "UTC", null) : null,
        };
    }

    private static string? Bad(RuleProblems problems, string path, string message)
    {
        problems.Add(path, message);
        return null;
    }

    private static RuleRecipient? ReadRecipient(JsonFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var recipient = new RuleRecipient(fields.Address("address", required: true) ?? "", fields.String("name", required: true) ?? "");
        fields.RejectUnknown();
        return recipient;
    }

    private static RuleAmount? ReadAmount(JsonFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var value = fields.Decimal("value", required: true);
        var currency = fields.String("currency", required: true, maxLength: 10);
        if (currency is not null && !string.Equals(currency, "MXNB", StringComparison.OrdinalIgnoreCase))
        {
            fields.Problem("currency", "Must be MXNB, the platform's token.");
        }

        fields.RejectUnknown();
        return new RuleAmount(value ?? 0, "MXNB");
    }

    private static RuleSchedule? ReadSchedule(JsonFields? fields, IReadOnlyDictionary<string, ScheduleFrequency> frequencies)
    {
        if (fields is null)
        {
            return null;
        }

        var frequency = fields.Choice("frequency", required: true, frequencies);
        var day = frequency switch
        {
            ScheduleFrequency.Monthly => fields.Int("day", required: true),
            ScheduleFrequency.Weekly => ReadWeekday(fields),
            _ => null,
        };
        if (frequency is null)
        {
            // Unreadable frequency: its day or instant cannot be judged, but they are not unknown fields.
            fields.KindOf("day");
            fields.KindOf("at");
        }

        var at = frequency == ScheduleFrequency.Once ? fields.Instant("at", required: true) : null;
        var time = TimeSpan.Zero;
        if (fields.String("time", required: false, maxLength: 8) is { } timeText
            && !TimeSpan.TryParseExact(timeText, ["hh\\:mm", "hh\\:mm\\:ss"], CultureInfo.InvariantCulture, out time))
        {
            fields.Problem("time", "Must be a time of day, HH:mm or HH:mm:ss.");
        }

        var zone = fields.String("time_zone", required: false, maxLength: 64) ?? "UTC";
        fields.RejectUnknown();
        return new RuleSchedule(frequency ?? ScheduleFrequency.Once, day ?? 0, time, zone, at);
    }

    /// <summary>1 (Monday) … 7 (Sunday), as a number or a name such as <c>"friday"</c>.</summary>
    private static int? ReadWeekday(JsonFields fields)
    {
        if (fields.KindOf("day") == JsonValueKind.String && fields.String("day", required: false, maxLength: 9) is { } named)
        {
            return named.Length >= 3 && DayNames.TryGetValue(named.ToLowerInvariant()[..3], out var d) ? (d == DayOfWeek.Sunday ? 7 : (int)d) : 0;
        }

        return fields.Int("day", required: true);
    }

    private static RuleTrigger? ReadTrigger(JsonFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var kind = fields.Choice("type", required: true, Triggers);
        var schedule = ReadSchedule(fields.Object("schedule", required: true), Frequencies);
        var above = kind == TriggerKind.Balance ? fields.Decimal("balance_above", required: true) : null;
        fields.RejectUnknown();
        return schedule is null ? null : new RuleTrigger(kind ?? TriggerKind.Schedule, schedule, above);
    }

    private static List<RuleAllocation> ReadAllocations(JsonFields rule, string name, RuleProblems problems)
    {
        var items = rule.Array(name, required: true, MaxItems);
        if (rule.Has(name) && items.Count == 0)
        {
            rule.Problem(name, "Must hold at least one allocation.");
        }

        var allocations = new List<RuleAllocation>();
        foreach (var (item, path) in items)
        {
            if (JsonFields.Of(item, path, problems) is not { } fields)
            {
                continue;
            }

            allocations.Add(new RuleAllocation(
                fields.Address("target", required: true) ?? "",
                fields.Decimal("percentage", required: true) ?? 0,
                fields.String("name", required: true) ?? ""));
            fields.RejectUnknown();
        }

        return allocations;
    }

    private static RuleCondition? ReadCondition(JsonElement item, string path, RuleProblems problems)
    {
        if (JsonFields.Of(item, path, problems) is not { } fields)
        {
            return null;
        }

        RuleCondition? condition = fields.Choice("type", required: true, Conditions) switch
        {
            ConditionKind.AmountThreshold => new RuleCondition(ConditionKind.AmountThreshold)
            {
                Min = fields.Decimal("min", required: false),
                Max = fields.Decimal("max", required: false),
            },
            ConditionKind.BalanceMinimum => new RuleCondition(ConditionKind.BalanceMinimum) { Minimum = fields.Decimal("minimum", required: true) },
            ConditionKind.TimeWindow => new RuleCondition(ConditionKind.TimeWindow)
            {
                Days = [.. fields.Array("days", required: true, 7).Select(d => ReadDay(d.Item, d.Path, problems)).OfType<DayOfWeek>()],
                StartHour = fields.Int("start_hour", required: true) ?? 0,
                EndHour = fields.Int("end_hour", required: true) ?? 0,
                TimeZone = fields.String("time_zone", required: false, maxLength: 64) ?? "UTC",
            },
            ConditionKind.ApprovalGate => new RuleCondition(ConditionKind.ApprovalGate)
            {
                Required = fields.Int("required", required: true) ?? 0,
                Group = [.. fields.Array("group", required: true, MaxItems)
                    .Select(g => g.Item.ValueKind == JsonValueKind.String && g.Item.GetString()!.Trim() is { Length: > 0 and <= 100 } who ? who : Bad(problems, g.Path, "Must be an approver's name."))
                    .OfType<string>()],
            },
            _ => null,
        };

        if (condition is { Kind: ConditionKind.AmountThreshold, Min: null, Max: null })
        {
            fields.Problem("min", "An amount threshold needs min, max or both.");
        }

        fields.RejectUnknown();
        return condition;
    }

    private static DayOfWeek? ReadDay(JsonElement item, string path, RuleProblems problems)
    {
        if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: >= 3 } text && DayNames.TryGetValue(text.ToLowerInvariant()[..3], out var day))
        {
            return day;
        }

        problems.Add(path, "Must be a day of the week, e.g. \"mon\" or \"monday\".");
        return null;
    }
}
