namespace PaymentFunctions.App.Payments.Api;

/// <summary>The RFC 7807 answers of the payment endpoints, worded once.</summary>
internal static class PaymentProblems
{
    public const string InvalidBodyTitle = "The request is invalid.";

    public static IResult Disabled() => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Payments are not configured.",
        detail: "Set Chain:RpcUrl (and the other Chain, Juno and Payments settings) to run payments on this host.");

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: InvalidBodyTitle);

    public static IResult NotFound(string paymentId) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "No such payment.", detail: $"No payment with id '{paymentId}' exists.");

    public static IResult Conflict(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static IResult Unavailable(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);
}
