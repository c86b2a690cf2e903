using PaymentFunctions.Rules.Definitions;

namespace PaymentFunctions.Rules.Validation;

/// <summary>Layer 2: percentages sum to exactly 100, every schedule and window is possible, nobody pays themselves.</summary>
public static class BusinessLogicValidator
{
    public static IReadOnlyList<RuleProblem> Validate(RuleDefinition rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var problems = new RuleProblems(ValidationLayer.BusinessLogic);
        if (rule.ConfirmationBlocks is < 1 or > 64)
        {
            problems.Add("$.confirmation_blocks", "Must be from 1 to 64 blocks.");
        }

        switch (rule.Type)
        {
            case RuleType.ContractorPayment:
                if (rule.Recipient is { } recipient && recipient.Address == rule.SourceAccount)
                {
                    problems.Add("$.recipient.address", "The recipient is the source account: a rule cannot pay its own source.");
                }

                CheckSchedule(rule.Schedule, "$.schedule", now, problems);
                break;
            case RuleType.RevenueAllocation:
                CheckAllocations(rule, "$.allocations", problems);
                CheckSchedule(rule.Trigger?.Schedule, "$.trigger.schedule", now, problems);
                break;
            case RuleType.ProfitDistribution:
                CheckAllocations(rule, "$.distribution_rules", problems);
                foreach (var duplicate in Duplicates(rule.Stakeholders))
                {
                    problems.Add($"$.stakeholders[{duplicate}]", "This stakeholder is listed twice.");
                }

                break;
        }

        for (var i = 0; i < rule.Conditions.Count; i++)
        {
            CheckCondition(rule.Conditions[i], $"$.conditions[{i}]", problems);
        }

        return problems.All;
    }

    private static void CheckAllocations(RuleDefinition rule, string path, RuleProblems problems)
    {
        var sum = 0m;
        for (var i = 0; i < rule.Allocations.Count; i++)
        {
            var allocation = rule.Allocations[i];
            sum += allocation.Percentage;
            if (allocation.Percentage is <= 0 or > 100)
            {
                problems.Add($"{path}[{i}].percentage", "Must be more than 0 and at most 100.");
            }

            if (allocation.Target == rule.SourceAccount)
            {
                problems.Add($"{path}[{i}].target", "The target is the source account: a rule cannot pay its own source.");
            }
        }

        foreach (var duplicate in Duplicates(rule.Allocations.Select(a => a.Target)))
        {
            problems.Add($"{path}[{duplicate}].target", "This target appears twice; give it one share.");
        }

        if (rule.Allocations.Count > 0 && sum != 100m)
        {
            problems.Add(path, $"The percentages sum to {sum}; they must sum to exactly 100.");
        }
    }

    private static void CheckSchedule(RuleSchedule? schedule, string path, DateTimeOffset now, RuleProblems problems)
    {
        if (schedule is null)
        {
            return;
        }

        switch (schedule.Frequency)
        {
            case ScheduleFrequency.Monthly when schedule.Day is < 1 or > 31:
                problems.Add($"{path}.day", "A monthly schedule's day must be from 1 to 31 (a short month pays on its last day).");
                break;
            case ScheduleFrequency.Weekly when schedule.Day is < 1 or > 7:
                problems.Add($"{path}.day", "A weekly schedule's day must be 1 (Monday) to 7 (Sunday), or a day's name.");
                break;
            case ScheduleFrequency.Once when schedule.At is { } at && at <= now:
                problems.Add($"{path}.at", "A one-off schedule must be in the future.");
                break;
        }

        if (schedule.TimeOfDay < TimeSpan.Zero || schedule.TimeOfDay >= TimeSpan.FromDays(1))
        {
            problems.Add($"{path}.time", "Must be a time of day before 24:00.");
        }

        if (!RuleTimeZones.TryFind(schedule.TimeZone, out _))
        {
            problems.Add($"{path}.time_zone", $"Unknown time zone '{schedule.TimeZone}'; use an IANA name such as America/Mexico_City.");
        }
    }

    private static void CheckCondition(RuleCondition condition, string path, RuleProblems problems)
    {
        switch (condition.Kind)
        {
            case ConditionKind.AmountThreshold when condition is { Min: { } min, Max: { } max } && min > max:
                problems.Add($"{path}.min", "The minimum is above the maximum, so no amount could pass.");
                break;
            case ConditionKind.TimeWindow:
                if (condition.Days.Count == 0)
                {
                    problems.Add($"{path}.days", "Must name at least one day.");
                }

                if (condition.StartHour is < 0 or > 23)
                {
                    problems.Add($"{path}.start_hour", "Must be an hour from 0 to 23.");
                }

                if (condition.EndHour is < 1 or > 24 || condition.EndHour <= condition.StartHour)
                {
                    problems.Add($"{path}.end_hour", "Must be an hour from 1 to 24, after start_hour.");
                }

                if (!RuleTimeZones.TryFind(condition.TimeZone, out _))
                {
                    problems.Add($"{path}.time_zone", $"Unknown time zone '{condition.TimeZone}'.");
                }

                break;
            case ConditionKind.ApprovalGate:
                if (condition.Required < 1 || condition.Required > condition.Group.Distinct(StringComparer.Ordinal).Count())
                {
                    problems.Add($"{path}.required", "Must be at least 1 and at most the number of distinct people in the group.");
                }

                break;
        }
    }

    private static IEnumerable<int> Duplicates(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        foreach (var value in values)
        {
            if (value.Length > 0 && !seen.Add(value))
            {
                yield return i;
            }

            i++;
        }
    }
}
