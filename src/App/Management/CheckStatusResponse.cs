namespace PaymentFunctions.App.Management;

/// <summary>
/// The Durable Functions check-status payload: where to poll and how to act on one instance. <c>{eventName}</c>
/// and <c>{text}</c> are placeholders for the caller to fill in, as in Durable Functions.
/// </summary>
public sealed record CheckStatusResponse(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string RewindPostUri,
    string PurgeHistoryDeleteUri,
    string RestartPostUri,
    string SuspendPostUri,
    string ResumePostUri)
{
    /// <summary>Builds the payload for an instance from the request's own scheme, host and path base.</summary>
    /// <param name="request">The request being answered; its address becomes the base of every URI.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="code">The key to embed as <c>code</c>, or null to embed none.</param>
    public static CheckStatusResponse Create(HttpRequest request, string instanceId, string? code)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{ManagementEndpoints.Prefix}/instances/{Uri.EscapeDataString(instanceId)}";
        var key = string.IsNullOrEmpty(code) ? "" : "code=" + Uri.EscapeDataString(code);
        string With(string path, string? query = null)
        {
            var all = string.Join('&', new[] { query, key }.Where(p => !string.IsNullOrEmpty(p)));
            return all.Length == 0 ? instance + path : $"{instance}{path}?{all}";
        }

        return new(
            instanceId,
            With(""),
            With("/raiseEvent/{eventName}"),
            With("/terminate", "reason={text}"),
            With("/rewind", "reason={text}"),
            With(""),
            With("/restart"),
            With("/suspend", "reason={text}"),
            With("/resume", "reason={text}"));
    }
}
