namespace PaymentFunctions.DurableTask.Hosting.Configuration;

/// <summary>
/// The <c>extensions.durableTask</c> section of <c>host.json</c>, read with Durable Functions' names so one file
/// configures the self-hosted app and the Functions app alike.
/// </summary>
public sealed class DurableTaskExtensionOptions
{
    /// <summary>Where the section sits in configuration once host.json is loaded the Functions way.</summary>
    public const string SectionPath = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>The task hub; apps sharing storage but not a hub never see each other's instances.</summary>
    public string HubName { get; set; } = "PaymentFunctions";

    /// <summary>How many orchestration episodes one worker runs at once.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>How many activities one worker runs at once.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Keeps an orchestration's state in memory between episodes, saving a history load per episode.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>How long an extended session waits for the next message before it is unloaded.</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary>The backend and its settings.</summary>
    public StorageProviderOptions StorageProvider { get; set; } = new();
}
