namespace PaymentFunctions.LocalStack.Stack;

/// <summary>
/// What a stack start has brought up so far, so a failed or cancelled start stops exactly those parts again,
/// including servers whose start finished after a sibling's start failed.
/// </summary>
internal sealed class StartedParts : IAsyncDisposable
{
    private readonly List<Task<IAsyncDisposable>> _parts = [];
    private bool _released;

    /// <summary>Remembers a starting part; it is disposed on failure once its start completes.</summary>
    public Task<T> Track<T>(Task<T> start)
        where T : IAsyncDisposable
    {
        _parts.Add(start.ContinueWith(t => (IAsyncDisposable)t.Result, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default));
        return start;
    }

    /// <summary>The start succeeded: the stack owns the parts now.</summary>
    public void Release() => _released = true;

    /// <summary>Stops every part that started, newest first, unless <see cref="Release"/> was called.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            IAsyncDisposable part;
            try
            {
                part = await _parts[i].ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // That part never started (OnlyOnRanToCompletion cancels the continuation).
                continue;
            }

            await part.DisposeAsync().ConfigureAwait(false);
        }
    }
}
