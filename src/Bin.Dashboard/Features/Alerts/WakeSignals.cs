namespace Bin.Dashboard.Features.Alerts;

/// <summary>Wakes a background worker of this node at once: work was queued here, or another node's was announced by a PostgreSQL notification.</summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { /* already awake */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>Messages were queued in the outbox: wakes the sender.</summary>
public sealed class OutboxSignal : WakeSignal;

/// <summary>SMS were received: wakes the inbound processor.</summary>
public sealed class InboundSignal : WakeSignal;
