using Npgsql;
using NpgsqlTypes;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>Typed parameter helpers, so nulls keep their PostgreSQL type and times are always sent as UTC.</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter Text(string name, string? value)
        => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Integer(string name, int value) => new NpgsqlParameter<int>(name, NpgsqlDbType.Integer) { TypedValue = value };

    public static NpgsqlParameter Bigint(string name, long value) => new NpgsqlParameter<long>(name, NpgsqlDbType.Bigint) { TypedValue = value };

    public static NpgsqlParameter Jsonb(string name, string? json)
        => new(name, NpgsqlDbType.Jsonb) { Value = (object?)json ?? DBNull.Value };

    public static NpgsqlParameter Time(string name, DateTimeOffset? value)
        => new(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value };

    /// <summary>A time stored exactly, as UTC ticks.</summary>
    public static NpgsqlParameter Ticks(string name, DateTimeOffset? value)
        => new(name, NpgsqlDbType.Bigint) { Value = value is { } v ? v.UtcTicks : DBNull.Value };

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static NpgsqlParameter TextArray(string name, string?[] values)
        => new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values };

    public static NpgsqlParameter JsonbArray(string name, string[] values)
        => new(name, NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = values };

    public static NpgsqlParameter IntegerArray(string name, int[] values)
        => new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values };

    public static NpgsqlParameter BigintArray(string name, long[] values)
        => new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values };

    public static NpgsqlParameter TicksArray(string name, long?[] values)
        => new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values };

    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
