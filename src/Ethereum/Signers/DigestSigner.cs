using Nethereum.Model;
using Nethereum.Signer;

namespace PaymentFunctions.Ethereum.Signers;

/// <summary>
/// A Nethereum external signer that signs the Keccak digest of every transaction type and leaves the recovery id
/// to Nethereum, so a key only has to supply its public key and a signature over 32 bytes.
/// </summary>
public abstract class DigestSigner : EthExternalSignerBase
{
    /// <inheritdoc />
    public override bool Supported1559 => true;

    /// <inheritdoc />
    public override ExternalSignerTransactionFormat ExternalSignerTransactionFormat { get; protected set; } = ExternalSignerTransactionFormat.Hash;

    /// <inheritdoc />
    public override bool CalculatesV { get; protected set; }

    /// <inheritdoc />
    public override Task SignAsync(LegacyTransactionChainId transaction) => SignHashTransactionAsync(transaction);

    /// <inheritdoc />
    public override Task SignAsync(LegacyTransaction transaction) => SignHashTransactionAsync(transaction);

    /// <inheritdoc />
    public override Task SignAsync(Transaction1559 transaction) => SignHashTransactionAsync(transaction);

    /// <inheritdoc />
    public override Task SignAsync(Transaction7702 transaction) => SignHashTransactionAsync(transaction);
}
