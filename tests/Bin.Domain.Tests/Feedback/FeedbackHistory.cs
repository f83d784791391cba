using Bin.Domain.Feedback;

namespace Bin.Domain.Tests.Feedback;

/// <summary>
/// The story every feedback test tells: <see cref="Given"/> a feedback's history, folded into the state the
/// decisions see; when a command is decided; then the event, or the refusal with the field at fault.
/// </summary>
internal static class FeedbackHistory
{
    public static readonly Guid Id = Guid.Parse("fb000000-0000-4000-8000-000000000001");
    public static readonly Guid AlertId = Guid.Parse("a1000000-0000-4000-8000-000000000001");
    public static readonly Guid IncidentId = Guid.Parse("5a1d3c7e-0000-4000-8000-000000000001");

    /// <summary>Saturday 28 November 2026, 21:40 in Lommel.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 21, 40, 0, TimeSpan.FromHours(1));

    public static FeedbackAlert OpenAlert() => new(AlertId, IncidentId, Now.AddMinutes(-30), IncidentClosedAt: null);

    public static FeedbackAlert ClosedAlert(DateTimeOffset closedAt) => OpenAlert() with { IncidentClosedAt = closedAt };

    public static FeedbackState? Given(params object[] history) => FeedbackState.Fold(history);

    public static IReadOnlyDictionary<string, string> Own(string text) =>
        new Dictionary<string, string> { ["nl"] = text, ["fr"] = text, ["de"] = text, ["en"] = text };

    public static FeedbackScheduled ScheduledAt(DateTimeOffset sendAt) =>
        new(Id, AlertId, IncidentId, null, Own("Verdachte gevat. Bedankt!"), sendAt, null, Now.AddMinutes(-10));

    public static FeedbackScheduled ScheduledAfterClose(int minutes) =>
        new(Id, AlertId, IncidentId, null, Own("Verdachte gevat. Bedankt!"), null, minutes, Now.AddMinutes(-10));

    public static FeedbackCancelled Cancelled() => new(Id, Now.AddMinutes(-5));

    public static FeedbackSent Sent() => new(Id, AlertId, 120, Now.AddMinutes(-5));

    /// <summary>Then the command is refused; returns the refusal to check its field and message.</summary>
    public static DomainException ThenRefused(Func<object?> when) => Assert.Throws<DomainException>(when);
}
