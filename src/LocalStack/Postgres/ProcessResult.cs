namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>What a finished helper process left behind.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, for error messages.</summary>
    public string CombinedOutput =>
        string.IsNullOrWhiteSpace(StandardError) ? StandardOutput.Trim() : $"{StandardOutput.Trim()}\n{StandardError.Trim()}".Trim();
}
