using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Tests.Postgres;

public sealed class PgBenchTests
{
    [Fact]
    public async Task Pgbench_runs_against_a_database_and_reports_tps()
    {
        var database = await SharedPostgres.CreateDatabaseAsync("pgbench");

        var result = await PgBench.RunAsync(database, new PgBenchOptions { Scale = 1, Duration = TimeSpan.FromSeconds(2) });

        Assert.True(result.TransactionsPerSecond > 0, result.Output);
        Assert.True(result.Transactions > 0, result.Output);
        Assert.Equal(8, result.Options.Clients);
    }

    [Fact]
    public void Reads_the_report_of_postgres_14_and_later()
    {
        const string Output = """
            pgbench (15.14 (Debian 15.14-0+deb12u1))
            transaction type: <builtin: simple update>
            scaling factor: 10
            query mode: simple
            number of clients: 8
            number of threads: 2
            maximum number of tries: 1
            duration: 20 s
            number of transactions actually processed: 123456
            number of failed transactions: 0 (0.000%)
            latency average = 1.296 ms
            initial connection time = 12.345 ms
            tps = 6172.801234 (without initial connection time)
            """;

        var result = PgBench.Parse(Output, new PgBenchOptions());

        Assert.Equal(6172.801234, result.TransactionsPerSecond);
        Assert.Equal(123456, result.Transactions);
        Assert.Equal(1.296, result.AverageLatencyMilliseconds);
    }

    [Fact]
    public void Reads_the_report_of_older_versions_and_takes_the_figure_without_connection_time()
    {
        const string Output = """
            number of transactions actually processed: 5000
            tps = 480.500000 (including connections establishing)
            tps = 499.250000 (excluding connections establishing)
            """;

        var result = PgBench.Parse(Output, new PgBenchOptions());

        Assert.Equal(499.25, result.TransactionsPerSecond);
        Assert.Null(result.AverageLatencyMilliseconds);
    }

    [Fact]
    public void Report_without_tps_is_an_error()
    {
        Assert.Throws<PostgresClusterException>(() => PgBench.Parse("pgbench: error: connection refused", new PgBenchOptions()));
    }
}
