using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PaymentFunctions.LocalStack.Azurite;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Tests.Azurite;

public sealed class AzuriteServerTests
{
    [Fact]
    public async Task Queue_takes_a_message_and_gives_it_back()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var queue = new QueueClient(azurite.ConnectionString, "payments-" + Guid.NewGuid().ToString("N"));

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello from PaymentFunctions");
        var received = (await queue.ReceiveMessageAsync()).Value;

        Assert.NotNull(received);
        Assert.Equal("hello from PaymentFunctions", received.MessageText);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task Table_stores_an_entity_and_reads_it_back()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var table = new TableClient(azurite.ConnectionString, "Payments");

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p1", "r1") { ["Amount"] = 125_000L, ["Currency"] = "MXN" });
        var entity = (await table.GetEntityAsync<TableEntity>("p1", "r1")).Value;

        Assert.Equal(125_000L, entity.GetInt64("Amount"));
        Assert.Equal("MXN", entity.GetString("Currency"));
    }

    [Fact]
    public async Task Blob_round_trips()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var container = new BlobContainerClient(azurite.ConnectionString, "leases");

        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("a.txt", BinaryData.FromString("lease"));
        var content = (await container.GetBlobClient("a.txt").DownloadContentAsync()).Value.Content;

        Assert.Equal("lease", content.ToString());
    }

    [Fact]
    public async Task Connection_string_names_every_endpoint_with_the_well_known_account()
    {
        await using var azurite = await AzuriteServer.StartAsync();

        Assert.Contains("AccountName=devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"AccountKey={AzuriteConnectionString.AccountKey};", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(3, new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort }.Distinct().Count());
    }

    [Fact]
    public async Task Two_servers_run_side_by_side_on_different_ports_and_do_not_share_data()
    {
        var started = await Task.WhenAll(AzuriteServer.StartAsync(), AzuriteServer.StartAsync());
        await using var first = started[0];
        await using var second = started[1];

        var ports = new[] { first.BlobPort, first.QueuePort, first.TablePort, second.BlobPort, second.QueuePort, second.TablePort };
        Assert.Equal(6, ports.Distinct().Count());
        Assert.NotEqual(first.ProcessId, second.ProcessId);

        await new QueueClient(first.ConnectionString, "only-in-first").CreateIfNotExistsAsync();
        Assert.True((await new QueueClient(first.ConnectionString, "only-in-first").ExistsAsync()).Value);
        Assert.False((await new QueueClient(second.ConnectionString, "only-in-first").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Dispose_stops_the_process_and_closes_the_ports()
    {
        var azurite = await AzuriteServer.StartAsync();
        var ports = new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort };

        await azurite.DisposeAsync();

        Assert.False(ProcessSignals.IsAlive(azurite.ProcessId));
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
        }

        await azurite.DisposeAsync(); // twice is harmless
    }

    [Fact]
    public async Task Watchdog_kills_azurite_once_its_owner_dies_without_disposing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The watchdog reads /proc.
        }

        await using var azurite = await AzuriteServer.StartAsync();
        using var owner = Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
        AzuriteWatchdog.Start(azurite.ProcessId, owner.Id);

        owner.Kill();
        await owner.WaitForExitAsync();

        var deadline = Stopwatch.StartNew();
        while (ProcessSignals.IsAlive(azurite.ProcessId) && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        Assert.False(ProcessSignals.IsAlive(azurite.ProcessId), "the watchdog left azurite running");
    }

    [Fact]
    public async Task A_port_taken_between_probe_and_bind_is_retried_on_new_ports()
    {
        using var squatter = Squat(out var taken);
        var attempts = 0;

        await using var azurite = await AzuriteServer.StartAsync(
            null,
            () => ++attempts == 1 ? (taken, FreeTcpPort.Next(), FreeTcpPort.Next()) : (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next()),
            CancellationToken.None);

        Assert.Equal(2, attempts);
        Assert.NotEqual(taken, azurite.BlobPort);
        await new QueueClient(azurite.ConnectionString, "after-retry").CreateIfNotExistsAsync();
    }

    [Fact]
    public async Task When_every_attempt_clashes_the_error_carries_azurites_output()
    {
        using var squatter = Squat(out var taken);

        var error = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteServer.StartAsync(
            new AzuriteOptions { StartAttempts = 2 }, () => (taken, FreeTcpPort.Next(), FreeTcpPort.Next()), CancellationToken.None));

        Assert.Contains("EADDRINUSE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_binary_says_to_run_npm_ci()
    {
        if (Environment.GetEnvironmentVariable(AzuriteExecutable.PathVariable) is not null)
        {
            return; // The override wins over any folder.
        }

        var empty = Directory.CreateTempSubdirectory("azurite-none-");
        try
        {
            var error = Assert.Throws<AzuriteException>(() => AzuriteExecutable.Find(empty.FullName));
            Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Finds_the_repository_binary()
    {
        if (Environment.GetEnvironmentVariable(AzuriteExecutable.PathVariable) is not null)
        {
            return; // The override wins over any folder.
        }


        var path = AzuriteExecutable.Find();

        Assert.EndsWith(Path.Combine("node_modules", ".bin", "azurite"), path, StringComparison.Ordinal);
    }

    private static TcpListener Squat(out int port)
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
