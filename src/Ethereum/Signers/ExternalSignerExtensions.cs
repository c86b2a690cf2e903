using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Signers;

/// <summary>
/// What every sender here does with a Nethereum external signer: learn its address, and sign an EIP-1559
/// transaction into the raw bytes that get stored and sent, checking that they recover to that address.
/// </summary>
public static class ExternalSignerExtensions
{
    /// <summary>The signer's address.</summary>
    public static async Task<Address> GetAddressAsync(this IEthExternalSigner signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return Address.Parse(await signer.GetAddressAsync().WaitAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Signs <paramref name="transaction"/> and returns its raw bytes and hash. A signature that does not recover to
    /// <paramref name="expectedSender"/> throws, so a wrong or corrupted signer never gets a transaction stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">The signature recovers to another account.</exception>
    public static async Task<SignedEip1559Transaction> SignEip1559Async(
        this IEthExternalSigner signer, Transaction1559 transaction, Address expectedSender, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(transaction);
        cancellationToken.ThrowIfCancellationRequested();
        await signer.SignAsync(transaction).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!Address.TryParse(transaction.GetSenderAddress(), out var sender) || sender != expectedSender)
        {
            throw new InvalidOperationException($"The signer's signature does not recover to {expectedSender.ToMaskedString()}.");
        }

        var raw = transaction.GetRLPEncoded();
        return new SignedEip1559Transaction(Hex.Encode(Sha3Keccack.Current.CalculateHash(raw)), raw);
    }
}
