namespace PaymentFunctions.Ethereum.Signers;

/// <summary>A signed EIP-1559 transaction as it is stored and sent: its hash (0x-hex) and its raw typed-envelope bytes.</summary>
public sealed record SignedEip1559Transaction(string Hash, byte[] Raw);
