using System.Globalization;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>
/// Reports MXNB sent on the local chain to the simulator's deposit address as CRYPTO_DEPOSIT transactions,
/// each transfer (transaction hash + log index) exactly once however often it is scanned.
/// </summary>
public sealed class ChainDepositScanner
{
    private readonly JunoSimulator _simulator;
    private readonly Erc20 _token;
    private readonly Address _depositAddress;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a scanner for <paramref name="simulator"/>'s <see cref="JunoSimulator.DepositAddress"/>.</summary>
    public ChainDepositScanner(JunoSimulator simulator, Erc20 token)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(token);
        _simulator = simulator;
        _token = token;
        _depositAddress = Address.Parse(simulator.DepositAddress);
    }

    /// <summary>Reads transfers to the deposit address and records the new ones; returns what was recorded.</summary>
    public async Task<IReadOnlyList<JunoTransaction>> ScanAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transfers = await _token.GetTransfersAsync(BlockParameter.Earliest, BlockParameter.Latest, to: _depositAddress, cancellationToken: cancellationToken).ConfigureAwait(false);
            var recorded = new List<JunoTransaction>();
            foreach (var transfer in transfers)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{transfer.TransactionHash}:{transfer.LogIndex}");
                if (transfer.Value.IsZero || !_seen.Add(key))
                {
                    continue;
                }

                recorded.Add(_simulator.SimulateCryptoDeposit(MxnbAmount.FromBaseUnits(transfer.Value), transfer.From.ToString(), transfer.TransactionHash));
            }

            return recorded;
        }
        finally
        {
            _gate.Release();
        }
    }
}
