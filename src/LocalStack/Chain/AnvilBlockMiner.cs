namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// Mines an empty block on anvil every interval (<c>evm_mine</c>), as a live chain keeps producing blocks, so a
/// transaction reaches a confirmation depth above one without other traffic. Stops when disposed.
/// </summary>
public sealed class AnvilBlockMiner : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task mining;

    private AnvilBlockMiner(AnvilNode anvil, TimeSpan interval) => this.mining = Task.Run(() => this.MineAsync(anvil, interval));

    public static AnvilBlockMiner Start(AnvilNode anvil, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(anvil);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new AnvilBlockMiner(anvil, interval);
    }

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync().ConfigureAwait(false);
        await this.mining.ConfigureAwait(false);
        this.stop.Dispose();
    }

    private async Task MineAsync(AnvilNode anvil, TimeSpan interval)
    {
        while (!this.stop.IsCancellationRequested)
        {
            try
            {
                await anvil.Rpc.SendAsync("evm_mine", [], this.stop.Token).ConfigureAwait(false);
                await Task.Delay(interval, this.stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (this.stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // The node is briefly busy: mine on.
            }
        }
    }
}
