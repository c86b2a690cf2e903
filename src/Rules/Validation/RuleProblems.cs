namespace PaymentFunctions.Rules.Validation;

/// <summary>Collects the problems of one layer, so each layer reports every problem rather than the first.</summary>
public sealed class RuleProblems(ValidationLayer layer)
{
    private readonly List<RuleProblem> problems = [];

    public ValidationLayer Layer { get; } = layer;

    public IReadOnlyList<RuleProblem> All => this.problems;

    public bool Any => this.problems.Count > 0;

    public void Add(string path, string message) => this.problems.Add(new RuleProblem(this.Layer, path, message));
}
