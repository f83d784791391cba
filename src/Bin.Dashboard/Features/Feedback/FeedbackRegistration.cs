using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Dashboard.Infrastructure.Scheduling;
using Bin.Domain.Feedback;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Quartz;

namespace Bin.Dashboard.Features.Feedback;

public static class FeedbackRegistration
{
    public static IServiceCollection AddBinFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var sweep = configuration.GetSection(FeedbackOptions.Section).Get<FeedbackOptions>()?.SweepInterval ?? new FeedbackOptions().SweepInterval;

        services.AddBinScheduling(configuration);
        services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<FeedbackSweepJob>(
            trigger => trigger
                .WithIdentity("feedback-sweep", FeedbackTriggers.FeedbackGroup)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(sweep).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(FeedbackSweepJob.Key)));

        services.AddSingleton<FeedbackCommands>();
        services.AddSingleton<IFeedbackScheduling>(sp => sp.GetRequiredService<FeedbackCommands>());
        services.AddSingleton<FeedbackTriggers>();
        services.AddSingleton<FeedbackDispatch>();
        services.AddSingleton<OverdueFeedback>();
        services.AddSingleton<OverdueLiveState>();
        services.AddHostedService<FeedbackFollower>();
        services.AddSingleton<ILiveNetworkResolver, FeedbackNetworks>();
        services.ConfigureMarten(o =>
        {
            o.Events.AddEventType<FeedbackScheduled>();
            o.Events.AddEventType<FeedbackRescheduled>();
            o.Events.AddEventType<FeedbackCancelled>();
            o.Events.AddEventType<FeedbackSent>();
            o.Events.AddEventType<ReminderScheduled>();
            o.Events.AddEventType<ReminderSent>();
            o.Projections.Add<FeedbackViewProjection>(ProjectionLifecycle.Inline);
            o.Schema.For<FeedbackView>().Index(f => f.AlertId).Index(f => f.IncidentId).Index(f => f.ScheduledAt);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinFeedback(this IEndpointRouteBuilder app) => app.MapFeedback();
}

/// <summary>The networks a feedback or reminder event concerns: those of its alert.</summary>
internal sealed class FeedbackNetworks : ILiveNetworkResolver
{
    public async ValueTask<IReadOnlyList<Guid>?> NetworksOfAsync(IEvent e, IQuerySession session, CancellationToken ct)
    {
        Guid? alertId = e.Data switch
        {
            FeedbackScheduled s => s.AlertId,
            FeedbackSent s => s.AlertId,
            FeedbackRescheduled or FeedbackCancelled => (await session.LoadAsync<FeedbackView>(e.StreamId, ct))?.AlertId,
            ReminderScheduled r => r.AlertId,
            ReminderSent r => r.AlertId,
            _ => null,
        };
        if (alertId is null)
            return e.Data is FeedbackRescheduled or FeedbackCancelled ? [] : null;
        return (await session.LoadAsync<AlertView>(alertId.Value, ct))?.NetworkIds ?? [];
    }
}
