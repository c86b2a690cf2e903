using System.Numerics;
using Nethereum.Signer;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>
/// <see cref="IChainTransfer"/> that moves real MXNB on the local chain from the simulator's treasury account.
/// Juno is the token's issuer, so when the treasury holds less than a withdrawal needs it mints the shortfall
/// (the treasury must hold the token's <c>MINTER_ROLE</c>, e.g. via <see cref="ContractDeploymentOptions.Minters"/>).
/// </summary>
public sealed class AnvilChainTransfer : IChainTransfer
{
    private static readonly AbiFunction MintFunction = AbiFunction.Parse("function mint(address to, uint256 amount)");

    private readonly ContractTransactor _transactor;
    private readonly Erc20 _token;
    private readonly IEthExternalSigner _treasury;

    /// <summary>Creates the transfer hook.</summary>
    /// <param name="transactor">Sends and awaits the transactions.</param>
    /// <param name="token">The MXNB token.</param>
    /// <param name="treasury">The simulator's hot wallet (pays gas, holds or mints the tokens).</param>
    public AnvilChainTransfer(ContractTransactor transactor, Erc20 token, IEthExternalSigner treasury)
    {
        ArgumentNullException.ThrowIfNull(transactor);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(treasury);
        _transactor = transactor;
        _token = token;
        _treasury = treasury;
    }

    /// <inheritdoc />
    public async Task<string> TransferAsync(string toAddress, MxnbAmount amount, CancellationToken cancellationToken)
    {
        var to = Address.Parse(toAddress);
        var from = await _treasury.GetAddressAsync(cancellationToken).ConfigureAwait(false);
        var balance = await _token.BalanceOfAsync(from, cancellationToken).ConfigureAwait(false);
        if (balance < amount.BaseUnits)
        {
            await _transactor.SendAsync(_treasury, _token.Token, MintFunction, [from, amount.BaseUnits - balance], cancellationToken).ConfigureAwait(false);
        }

        var receipt = await _transactor.SendAsync(_treasury, _token.Token, Erc20.EncodeTransfer(to, amount.BaseUnits), BigInteger.Zero, cancellationToken).ConfigureAwait(false);
        return receipt.TransactionHash;
    }
}
