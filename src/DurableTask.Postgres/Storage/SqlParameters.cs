using Npgsql;
using NpgsqlTypes;

namespace PaymentFunctions.DurableTask.Postgres.Storage;

/// <summary>Typed parameters, so nulls and arrays never leave Npgsql guessing a type.</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Bigint(string name, long value) => new NpgsqlParameter<long>(name, NpgsqlDbType.Bigint) { TypedValue = value };

    public static NpgsqlParameter Bigint(string name, long? value) => new(name, NpgsqlDbType.Bigint) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Integer(string name, int value) => new NpgsqlParameter<int>(name, NpgsqlDbType.Integer) { TypedValue = value };

    public static NpgsqlParameter Uuid(string name, Guid value) => new NpgsqlParameter<Guid>(name, NpgsqlDbType.Uuid) { TypedValue = value };

    public static NpgsqlParameter TextArray(string name, string?[] values) => new NpgsqlParameter<string?[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };

    public static NpgsqlParameter BigintArray(string name, long[] values) => new NpgsqlParameter<long[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = values };

    public static NpgsqlParameter NullableBigintArray(string name, long?[] values) => new NpgsqlParameter<long?[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = values };

    public static NpgsqlParameter IntegerArray(string name, int[] values) => new NpgsqlParameter<int[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = values };

    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
