namespace PaymentFunctions.App.Samples;

/// <summary>The input of the <c>HelloCities</c> sample: who to greet, from where.</summary>
public sealed record HelloRequest(string Name, IReadOnlyList<string> Cities)
{
    /// <summary>The problems with the request, by field; empty when it is fine.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(this.Name))
        {
            errors["name"] = ["'name' is required."];
        }

        if (this.Cities is null || this.Cities.Count is < 1 or > 10)
        {
            errors["cities"] = ["'cities' must list between 1 and 10 cities."];
        }
        else if (this.Cities.Any(string.IsNullOrWhiteSpace))
        {
            errors["cities"] = ["'cities' must not contain empty names."];
        }

        return errors;
    }
}
