using System.Numerics;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.TransactionManagement;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

public sealed class NonceAllocationTests(ChainAndDatabaseFixture fixture) : IClassFixture<ChainAndDatabaseFixture>
{
    [Fact]
    public async Task Fifty_concurrent_intents_from_two_managers_get_consecutive_distinct_nonces()
    {
        const int Intents = 50;
        var sender = fixture.Node.DevSigners[0];
        var start = await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address, BlockParameter.Pending);

        // Two managers with their own connection pools stand for two processes sharing the database.
        TransactionManager[] processes = [fixture.CreateManager(), fixture.CreateManager()];
        var sends = Enumerable.Range(0, Intents).Select(i => Task.Run(() => processes[i % 2].SendAsync(new TransactionIntent
        {
            IntentId = $"concurrent:{i}",
            From = sender,
            To = LocalKeySigner.CreateRandom().Address,
            Value = i + 1,
        })));

        var outcomes = await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        var expected = Enumerable.Range(0, Intents).Select(i => start + i);
        Assert.Equal(expected, outcomes.Select(o => o.Nonce).Order());
        Assert.Equal(Intents, outcomes.Select(o => o.TransactionHash).Distinct().Count());
        Assert.Equal(start + Intents, await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(start + Intents, new BigInteger((long)(await fixture.ScalarAsync(
            "SELECT next_nonce FROM chain.nonces WHERE address = @a", ("a", sender.Address.ToLowerHex())))!));
    }

    [Fact]
    public async Task Schema_creation_is_idempotent_and_safe_to_race()
    {
        var managers = Enumerable.Range(0, 4).Select(_ => fixture.CreateManager(ChainAndDatabaseFixture.FastOptions with { Schema = "chain_race" })).ToArray();

        await Task.WhenAll(managers.Select(m => Task.Run(() => m.EnsureSchemaAsync())));
        await managers[0].EnsureSchemaAsync();

        Assert.Equal(3L, await fixture.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'chain_race'"));
    }
}
