using System.Buffers.Binary;
using System.Numerics;
using Npgsql;
using NpgsqlTypes;
using PaymentFunctions.Ethereum.Addresses;
using Nethereum.Util;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>The PostgreSQL side of the transaction manager: schema, nonce reservations and transaction rows.</summary>
internal sealed class TransactionStore(NpgsqlDataSource dataSource, TransactionManagerOptions options)
{
    private const string UniqueViolation = "23505";

    private readonly string _nonces = $"{options.Schema}.{options.NoncesTable}";
    private readonly string _transactions = $"{options.Schema}.{options.TransactionsTable}";
    private readonly string _attempts = $"{options.Schema}.{options.AttemptsTable}";
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates the schema and tables if missing; serialized across processes by an advisory lock.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", SchemaLockKey(options.Schema));
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var ddl = new NpgsqlCommand(SchemaSql(), connection, transaction))
            {
                await ddl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>Loads an intent's row and attempts; null when the intent is unknown.</summary>
    public async Task<TransactionRecord?> FindAsync(string intentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, intentId, forUpdate: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Intents of one sender that are not finished, in nonce order.</summary>
    public async Task<IReadOnlyList<TransactionRecord>> ListOpenAsync(long chainId, Address from, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            $"SELECT intent_id FROM {_transactions} WHERE chain_id = @chain AND from_address = @from AND status IN ('persisted', 'sent') ORDER BY nonce",
            connection))
        {
            command.Parameters.AddWithValue("chain", chainId);
            command.Parameters.AddWithValue("from", from.ToLowerHex());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }
        }

        var records = new List<TransactionRecord>(ids.Count);
        foreach (var id in ids)
        {
            if (await FindAsync(connection, null, id, forUpdate: false, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>
    /// Locks the (chain, address) nonce row until the reservation is committed or disposed, so nonce allocation
    /// is serialized across every process sharing the database.
    /// </summary>
    public async Task<NonceReservation> ReserveNonceAsync(long chainId, Address from, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var insert = new NpgsqlCommand(
                $"INSERT INTO {_nonces} (chain_id, address, next_nonce) VALUES (@chain, @address, 0) ON CONFLICT DO NOTHING",
                connection,
                transaction))
            {
                insert.Parameters.AddWithValue("chain", chainId);
                insert.Parameters.AddWithValue("address", from.ToLowerHex());
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            long next;
            await using (var select = new NpgsqlCommand(
                $"SELECT next_nonce FROM {_nonces} WHERE chain_id = @chain AND address = @address FOR UPDATE",
                connection,
                transaction))
            {
                select.Parameters.AddWithValue("chain", chainId);
                select.Parameters.AddWithValue("address", from.ToLowerHex());
                next = (long)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            return new NonceReservation(this, connection, transaction, chainId, from, next);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stores a replacement attempt unless another process changed the attempts meanwhile; returns the
    /// refreshed record either way (check its attempt count to see whether this one was stored).
    /// </summary>
    public async Task<TransactionRecord> AddAttemptAsync(TransactionRecord record, TransactionAttempt attempt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await FindAsync(connection, transaction, record.IntentId, forUpdate: true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Intent {record.IntentId} disappeared from the store.");
        if (current.Attempts.Count != attempt.Number - 1 || current.IsFinished)
        {
            return current;
        }

        await InsertAttemptAsync(connection, transaction, record.IntentId, attempt, cancellationToken).ConfigureAwait(false);
        await using (var update = new NpgsqlCommand(
            $"""
            UPDATE {_transactions}
            SET raw = @raw, hash = @hash, attempts = @attempts, max_fee_per_gas = @max_fee, max_priority_fee_per_gas = @tip,
                status = 'sent', updated_at = now()
            WHERE intent_id = @intent
            """,
            connection,
            transaction))
        {
            update.Parameters.AddWithValue("raw", attempt.Raw.ToArray());
            update.Parameters.AddWithValue("hash", attempt.Hash);
            update.Parameters.AddWithValue("attempts", attempt.Number);
            update.Parameters.AddWithValue("max_fee", NpgsqlDbType.Numeric, attempt.MaxFeePerGas);
            update.Parameters.AddWithValue("tip", NpgsqlDbType.Numeric, attempt.MaxPriorityFeePerGas);
            update.Parameters.AddWithValue("intent", record.IntentId);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current with { Attempts = [.. current.Attempts, attempt], Status = TransactionStatus.Sent };
    }

    /// <summary>Marks a persisted row as sent (no-op for rows already further along).</summary>
    public async Task MarkSentAsync(string intentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"UPDATE {_transactions} SET status = 'sent', updated_at = now() WHERE intent_id = @intent AND status = 'persisted'",
            connection);
        command.Parameters.AddWithValue("intent", intentId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records how the intent ended.</summary>
    public async Task CompleteAsync(string intentId, TransactionStatus status, string minedHash, BigInteger blockNumber, byte[]? revertData, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE {_transactions}
            SET status = @status, mined_hash = @mined, block_number = @block, revert_data = @revert, updated_at = now()
            WHERE intent_id = @intent
            """,
            connection);
        command.Parameters.AddWithValue("status", ToText(status));
        command.Parameters.AddWithValue("mined", minedHash);
        command.Parameters.AddWithValue("block", (long)blockNumber);
        command.Parameters.Add(new NpgsqlParameter("revert", NpgsqlDbType.Bytea) { Value = (object?)revertData ?? DBNull.Value });
        command.Parameters.AddWithValue("intent", intentId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal async Task<TransactionRecord?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string intentId, bool forUpdate, CancellationToken cancellationToken)
    {
        TransactionRecord? record;
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT chain_id, from_address, to_address, nonce, status, mined_hash, block_number, revert_data, request_hash, created_at, updated_at
            FROM {_transactions} WHERE intent_id = @intent{(forUpdate ? " FOR UPDATE" : string.Empty)}
            """,
            connection,
            transaction))
        {
            command.Parameters.AddWithValue("intent", intentId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            record = new TransactionRecord
            {
                IntentId = intentId,
                ChainId = reader.GetInt64(0),
                From = Address.Parse(reader.GetString(1)),
                To = reader.IsDBNull(2) ? null : Address.Parse(reader.GetString(2)),
                Nonce = reader.GetInt64(3),
                Status = FromText(reader.GetString(4)),
                MinedHash = reader.IsDBNull(5) ? null : reader.GetString(5),
                BlockNumber = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                RevertData = reader.IsDBNull(7) ? null : reader.GetFieldValue<byte[]>(7),
                RequestHash = reader.GetFieldValue<byte[]>(8),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(9),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(10),
                Attempts = [],
            };
        }

        var attempts = new List<TransactionAttempt>();
        await using (var command = new NpgsqlCommand(
            $"SELECT attempt, hash, raw, max_fee_per_gas, max_priority_fee_per_gas, created_at FROM {_attempts} WHERE intent_id = @intent ORDER BY attempt",
            connection,
            transaction))
        {
            command.Parameters.AddWithValue("intent", intentId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                attempts.Add(new TransactionAttempt(
                    reader.GetInt32(0),
                    reader.GetString(1),
                    reader.GetFieldValue<byte[]>(2),
                    reader.GetFieldValue<BigInteger>(3),
                    reader.GetFieldValue<BigInteger>(4),
                    reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }

        return record with { Attempts = attempts };
    }

    internal async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TransactionRecord record, CancellationToken cancellationToken)
    {
        var attempt = record.Latest;
        await using (var command = new NpgsqlCommand(
            $"""
            INSERT INTO {_transactions}
                (intent_id, chain_id, from_address, to_address, request_hash, nonce, raw, hash, status, attempts, max_fee_per_gas, max_priority_fee_per_gas)
            VALUES (@intent, @chain, @from, @to, @request, @nonce, @raw, @hash, 'persisted', 1, @max_fee, @tip)
            """,
            connection,
            transaction))
        {
            command.Parameters.AddWithValue("intent", record.IntentId);
            command.Parameters.AddWithValue("chain", record.ChainId);
            command.Parameters.AddWithValue("from", record.From.ToLowerHex());
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Text) { Value = (object?)record.To?.ToLowerHex() ?? DBNull.Value });
            command.Parameters.AddWithValue("request", record.RequestHash.ToArray());
            command.Parameters.AddWithValue("nonce", (long)record.Nonce);
            command.Parameters.AddWithValue("raw", attempt.Raw.ToArray());
            command.Parameters.AddWithValue("hash", attempt.Hash);
            command.Parameters.AddWithValue("max_fee", NpgsqlDbType.Numeric, attempt.MaxFeePerGas);
            command.Parameters.AddWithValue("tip", NpgsqlDbType.Numeric, attempt.MaxPriorityFeePerGas);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertAttemptAsync(connection, transaction, record.IntentId, attempt, cancellationToken).ConfigureAwait(false);
    }

    internal async Task AdvanceNonceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long chainId, Address from, BigInteger next, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {_nonces} SET next_nonce = @next, updated_at = now() WHERE chain_id = @chain AND address = @address",
            connection,
            transaction);
        command.Parameters.AddWithValue("next", (long)next);
        command.Parameters.AddWithValue("chain", chainId);
        command.Parameters.AddWithValue("address", from.ToLowerHex());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static bool IsDuplicateIntent(PostgresException exception) => exception.SqlState == UniqueViolation;

    private async Task InsertAttemptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string intentId, TransactionAttempt attempt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {_attempts} (intent_id, attempt, hash, raw, max_fee_per_gas, max_priority_fee_per_gas)
            VALUES (@intent, @attempt, @hash, @raw, @max_fee, @tip)
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("intent", intentId);
        command.Parameters.AddWithValue("attempt", attempt.Number);
        command.Parameters.AddWithValue("hash", attempt.Hash);
        command.Parameters.AddWithValue("raw", attempt.Raw.ToArray());
        command.Parameters.AddWithValue("max_fee", NpgsqlDbType.Numeric, attempt.MaxFeePerGas);
        command.Parameters.AddWithValue("tip", NpgsqlDbType.Numeric, attempt.MaxPriorityFeePerGas);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private string SchemaSql() =>
        $"""
        CREATE SCHEMA IF NOT EXISTS {options.Schema};
        CREATE TABLE IF NOT EXISTS {_nonces} (
            chain_id bigint NOT NULL,
            address text NOT NULL,
            next_nonce bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (chain_id, address)
        );
        CREATE TABLE IF NOT EXISTS {_transactions} (
            intent_id text PRIMARY KEY,
            chain_id bigint NOT NULL,
            from_address text NOT NULL,
            to_address text NULL,
            request_hash bytea NOT NULL,
            nonce bigint NOT NULL,
            raw bytea NOT NULL,
            hash text NOT NULL,
            status text NOT NULL CHECK (status IN ('persisted', 'sent', 'confirmed', 'reverted')),
            attempts integer NOT NULL,
            max_fee_per_gas numeric(78, 0) NOT NULL,
            max_priority_fee_per_gas numeric(78, 0) NOT NULL,
            mined_hash text NULL,
            block_number bigint NULL,
            revert_data bytea NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (chain_id, from_address, nonce)
        );
        CREATE INDEX IF NOT EXISTS {options.TransactionsTable}_open
            ON {_transactions} (chain_id, from_address, nonce) WHERE status IN ('persisted', 'sent');
        CREATE TABLE IF NOT EXISTS {_attempts} (
            intent_id text NOT NULL REFERENCES {_transactions} (intent_id) ON DELETE CASCADE,
            attempt integer NOT NULL,
            hash text NOT NULL,
            raw bytea NOT NULL,
            max_fee_per_gas numeric(78, 0) NOT NULL,
            max_priority_fee_per_gas numeric(78, 0) NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (intent_id, attempt)
        );
        """;

    // Stable across processes and versions: derived from the schema name, not from string.GetHashCode.
    private static long SchemaLockKey(string schema) =>
        BinaryPrimitives.ReadInt64BigEndian(Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("PaymentFunctions.Ethereum.TransactionManagement:" + schema)).AsSpan(0, 8));

    private static string ToText(TransactionStatus status) => status switch
    {
        TransactionStatus.Persisted => "persisted",
        TransactionStatus.Sent => "sent",
        TransactionStatus.Confirmed => "confirmed",
        TransactionStatus.Reverted => "reverted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static TransactionStatus FromText(string text) => text switch
    {
        "persisted" => TransactionStatus.Persisted,
        "sent" => TransactionStatus.Sent,
        "confirmed" => TransactionStatus.Confirmed,
        "reverted" => TransactionStatus.Reverted,
        _ => throw new InvalidOperationException($"Unknown transaction status '{text}' in the store."),
    };
}
