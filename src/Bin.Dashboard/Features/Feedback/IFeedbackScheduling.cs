using System.Security.Claims;
using Bin.Domain.Feedback;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>The feedback use cases as the dashboard's components use them (<see cref="FeedbackCommands"/>; a fake in bUnit tests).</summary>
public interface IFeedbackScheduling
{
    Task<FeedbackScheduled> ScheduleAsync(ScheduleFeedback command, ClaimsPrincipal user, CancellationToken ct);

    Task<FeedbackRescheduled> RescheduleAsync(Guid alertId, RescheduleFeedback command, ClaimsPrincipal user, CancellationToken ct);

    Task<FeedbackCancelled> CancelAsync(Guid alertId, CancelFeedback command, ClaimsPrincipal user, CancellationToken ct);
}
