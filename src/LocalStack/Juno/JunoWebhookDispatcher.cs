using System.Text;
using System.Text.Json;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Banking.Juno.Webhooks;

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>POSTs TRANSACTION webhooks to registered URLs, optionally late, twice, or held and released out of order.</summary>
internal sealed class JunoWebhookDispatcher : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<JunoWebhookRegistration> _registrations = [];
    private readonly List<string> _held = [];
    private readonly List<Task> _inFlight = [];
    private JunoWebhookDelivery _delivery = new();
    private long _nextId = 11330;
    private int _delivered;
    private int _failed;

    public JunoWebhookDelivery Delivery
    {
        get
        {
            lock (_gate)
            {
                return _delivery;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _delivery = value;
            }
        }
    }

    public int Delivered => Volatile.Read(ref _delivered);

    public int Failed => Volatile.Read(ref _failed);

    public JunoWebhookRegistration Register(Uri callbackUrl)
    {
        lock (_gate)
        {
            var registration = new JunoWebhookRegistration { Id = _nextId++, CallbackUrl = callbackUrl.ToString() };
            _registrations.Add(registration);
            return registration;
        }
    }

    public void Publish(JunoTransaction transaction)
    {
        var body = JsonSerializer.Serialize(new JunoTransactionWebhook { Payload = transaction }, JunoJson.Options);
        lock (_gate)
        {
            if (_registrations.Count == 0)
            {
                return;
            }

            if (_delivery.Hold)
            {
                _held.Add(body);
                return;
            }

            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(DeliverAsync(body, _delivery));
        }
    }

    /// <summary>Sends every held event, one after another, in publication order or reversed.</summary>
    public async Task FlushAsync(bool reverse, CancellationToken cancellationToken)
    {
        List<string> batch;
        JunoWebhookDelivery delivery;
        lock (_gate)
        {
            batch = [.. _held];
            _held.Clear();
            delivery = _delivery with { Hold = false };
        }

        if (reverse)
        {
            batch.Reverse();
        }

        foreach (var body in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DeliverAsync(body, delivery).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until deliveries already started have finished.</summary>
    public async Task DrainAsync()
    {
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _inFlight];
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await DrainAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task DeliverAsync(string body, JunoWebhookDelivery delivery)
    {
        var token = _stopping.Token;
        try
        {
            if (delivery.DelayMs > 0)
            {
                await Task.Delay(delivery.DelayMs, token).ConfigureAwait(false);
            }

            JunoWebhookRegistration[] targets;
            lock (_gate)
            {
                targets = [.. _registrations];
            }

            var copies = delivery.Duplicate ? 2 : 1;
            for (var copy = 0; copy < copies; copy++)
            {
                foreach (var target in targets)
                {
                    await PostAsync(new Uri(target.CallbackUrl), body, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task PostAsync(Uri url, string body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref response.IsSuccessStatusCode ? ref _delivered : ref _failed);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failed);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
