namespace PaymentFunctions.App.Hosting;

/// <summary>The <c>extensions:durableTask</c> section of <c>host.json</c> that the host itself reads.</summary>
public sealed class DurableTaskHostOptions
{
    /// <summary>The configuration path of the section.</summary>
    public const string SectionPath = FunctionsHost.HostSection + ":extensions:durableTask";

    /// <summary>The task hub; apps sharing a database but not a hub never see each other's instances.</summary>
    public string HubName { get; set; } = "PaymentFunctions";

    /// <summary>Where the store's connection string comes from.</summary>
    public StorageProviderOptions StorageProvider { get; set; } = new();

    /// <summary>The <c>storageProvider</c> part of the section.</summary>
    public sealed class StorageProviderOptions
    {
        /// <summary>The setting (or <c>ConnectionStrings</c> entry) holding the PostgreSQL connection string.</summary>
        public string ConnectionStringName { get; set; } = "DurableStoreConnection";

        /// <summary>How long a work item's lease lasts without renewal.</summary>
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}
