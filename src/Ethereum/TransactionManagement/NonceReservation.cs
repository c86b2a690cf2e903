using System.Numerics;
using Npgsql;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>
/// A locked <c>nonces</c> row (<c>SELECT … FOR UPDATE</c>) inside an open database transaction. While it is held,
/// no other process can allocate a nonce for the same (chain, address); committing stores the signed transaction
/// and advances the nonce atomically, disposing without commit rolls both back.
/// </summary>
internal sealed class NonceReservation : IAsyncDisposable
{
    private readonly TransactionStore _store;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly long _chainId;
    private readonly Address _from;

    internal NonceReservation(TransactionStore store, NpgsqlConnection connection, NpgsqlTransaction transaction, long chainId, Address from, long storedNextNonce)
    {
        _store = store;
        _connection = connection;
        _transaction = transaction;
        _chainId = chainId;
        _from = from;
        StoredNextNonce = storedNextNonce;
    }

    /// <summary>The next nonce as the database knows it (0 for an address seen for the first time).</summary>
    public BigInteger StoredNextNonce { get; }

    /// <summary>Reads an intent under the lock, so a concurrent sender of the same intent is seen once it committed.</summary>
    public Task<TransactionRecord?> FindIntentAsync(string intentId, CancellationToken cancellationToken) =>
        _store.FindAsync(_connection, _transaction, intentId, forUpdate: false, cancellationToken);

    /// <summary>Stores the signed transaction, advances the nonce past it and commits.</summary>
    /// <exception cref="PostgresException">The intent id was stored meanwhile by a process using another sender.</exception>
    public async Task CommitAsync(TransactionRecord record, CancellationToken cancellationToken)
    {
        await _store.InsertAsync(_connection, _transaction, record, cancellationToken).ConfigureAwait(false);
        await _store.AdvanceNonceAsync(_connection, _transaction, _chainId, _from, record.Nonce + 1, cancellationToken).ConfigureAwait(false);
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rolls back unless committed, releasing the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
