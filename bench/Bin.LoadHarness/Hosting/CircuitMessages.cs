using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Bin.LoadHarness.Hosting;

/// <summary>
/// Counts what the browsers send the dashboard's circuits: each render's acknowledgement, each JS call's answer, each
/// UI event. Each is one message in and followed one out, so this counts the circuits' messages per incident.
/// </summary>
internal sealed class CircuitMessages : CircuitHandler
{
    private long _inbound;
    private int _open;

    public long Inbound => Interlocked.Read(ref _inbound);

    /// <summary>Circuits open now: after the pages are closed, the moment every circuit's memory can be released.</summary>
    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) => context =>
    {
        Interlocked.Increment(ref _inbound);
        return next(context);
    };
}
