namespace PaymentFunctions.App.Tests.Rules;

/// <summary>One local stack for every rule test class; they run one after another against it.</summary>
[CollectionDefinition(Name)]
public sealed class RulesCollection : ICollectionFixture<RulesAppFixture>
{
    public const string Name = "Payment rules on the local stack";
}
