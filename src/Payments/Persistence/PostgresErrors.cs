using Npgsql;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>Recognises the PostgreSQL errors the store turns into answers instead of failures.</summary>
internal static class PostgresErrors
{
    public static bool IsUniqueViolation(Exception exception, string? constraint = null) =>
        Find(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } error
        && (constraint is null || error.ConstraintName == constraint);

    public static bool IsForeignKeyViolation(Exception exception) =>
        Find(exception) is { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    private static PostgresException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
