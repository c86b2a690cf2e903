namespace PaymentFunctions.App.Security;

/// <summary>Which key an endpoint needs, as the Functions authorization levels.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key.</summary>
    Anonymous,

    /// <summary>The function key or the admin key.</summary>
    Function,

    /// <summary>The admin key only (the durable-task system key too on the management API).</summary>
    Admin,
}
