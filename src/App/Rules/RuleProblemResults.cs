using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.App.Rules;

/// <summary>The problem-details answers of the rule endpoints.</summary>
internal static class RuleProblemResults
{
    public const string InvalidRuleTitle = "The rule is invalid.";

    /// <summary>400 listing every problem: <c>errors</c> keyed by JSON path, and <c>problems</c> with each one's layer.</summary>
    public static IResult Invalid(IReadOnlyList<RuleProblem> problems) => Results.ValidationProblem(
        problems.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => $"{RuleViews.From(p).Layer}: {p.Message}").ToArray(), StringComparer.Ordinal),
        title: InvalidRuleTitle,
        extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(RuleViews.From).ToList() });

    public static IResult NotFound(string what, string id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"No {what} with id '{id}' exists.");

    public static IResult Conflict(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static IResult Forbidden(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);
}
