using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Bin.LoadHarness.Hosting;

/// <summary>
/// Counts what the browsers send the dashboard's circuits: each render's acknowledgement, each JS call's answer, each
/// UI event. Each is one message in and followed one out, so this counts the circuits' messages per incident.
/// </summary>
internal sealed class CircuitMessages : CircuitHandler
{
    private long _inbound;

    public long Inbound => Interlocked.Read(ref _inbound);

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) => context =>
    {
        Interlocked.Increment(ref _inbound);
        return next(context);
    };
}
