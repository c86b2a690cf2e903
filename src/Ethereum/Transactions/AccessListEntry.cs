using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Transactions;

/// <summary>One EIP-2930 access list entry: an address and the storage slots the transaction will touch.</summary>
/// <param name="Address">The account.</param>
/// <param name="StorageKeys">32-byte storage keys.</param>
public sealed record AccessListEntry(Address Address, IReadOnlyList<byte[]> StorageKeys);
