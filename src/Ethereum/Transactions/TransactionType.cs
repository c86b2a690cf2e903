namespace PaymentFunctions.Ethereum.Transactions;

/// <summary>The EIP-2718 transaction type byte.</summary>
public enum TransactionType
{
    /// <summary>Pre-typed transaction with a single gas price (EIP-155 replay protection when a chain id is set).</summary>
    Legacy = 0,

    /// <summary>EIP-1559 fee-market transaction (type 2).</summary>
    Eip1559 = 2,
}
