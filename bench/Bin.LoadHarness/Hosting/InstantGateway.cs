using System.Collections.Concurrent;
using Bin.Dashboard.Features.Sms;
using Bin.LoadHarness.Measurement;

namespace Bin.LoadHarness.Hosting;

/// <summary>
/// A gateway that accepts every message at once and remembers, per message id, how often it was handed over and
/// when first — so a run can prove that each message reached the gateway exactly once, and when the last one did.
/// It replaces the dashboard's <see cref="ISmsGateway"/> (the simulator), so the outbox sender is measured, not a
/// provider. Its provider id is derived from the message id (the outbox keeps provider ids unique).
/// </summary>
internal sealed class InstantGateway : ISmsGateway
{
    private readonly ConcurrentDictionary<Guid, Handover> _handovers = new();
    private int _calls;
    private int _distinct;

    public string Name => "instant (load harness)";

    /// <summary>Calls of <see cref="SendAsync"/> so far, repeats included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Distinct messages handed over so far.</summary>
    public int Distinct => Volatile.Read(ref _distinct);

    public Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct)
    {
        var at = Clock.Now;
        Interlocked.Increment(ref _calls);
        var handover = _handovers.AddOrUpdate(sms.MessageId, _ => new Handover(1, at), (_, h) => h with { Count = h.Count + 1 });
        if (handover.Count == 1) Interlocked.Increment(ref _distinct);
        return Task.FromResult(SendResult.Accepted(ProviderId(sms.MessageId)));
    }

    /// <summary>The recovery after an interrupted send asks this; answering truthfully keeps "never resend" testable.</summary>
    public Task<string?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, CancellationToken ct) =>
        Task.FromResult(_handovers.ContainsKey(sms.MessageId) ? ProviderId(sms.MessageId) : null);

    /// <summary>How often and when first the message was handed over; null when never.</summary>
    public Handover? Of(Guid messageId) => _handovers.TryGetValue(messageId, out var h) ? h : null;

    private static string ProviderId(Guid messageId) => "SM" + messageId.ToString("N");

    internal readonly record struct Handover(int Count, long FirstAt);
}
