using Bin.Dashboard.Infrastructure.Scheduling;
using Bin.Domain.Alerts;
using Marten;
using Quartz;

namespace Bin.Dashboard.Features.Privacy;

/// <summary>Erasure, retention and right of access for residents' data (docs/privacy.md).</summary>
public static class PrivacyRegistration
{
    public static IServiceCollection AddBinPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var interval = configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>()?.RetentionInterval ?? new PrivacyOptions().RetentionInterval;

        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<PrivacyRetention>();
        services.AddSingleton<MemberExport>();
        services.AddBinScheduling(configuration);
        services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<RetentionJob>(
            trigger => trigger
                .WithIdentity("privacy-retention", "privacy")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(RetentionJob.Key)));
        services.ConfigureMarten(o =>
        {
            // The only personal data an event carries: what a member wrote back. Masking keeps the reply (and its count).
            o.Events.AddMaskingRuleForProtectedInformation<ReplyReceived>(r => r with { Text = "" });
            o.Schema.For<RetentionRun>().Index(r => r.At);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinPrivacy(this IEndpointRouteBuilder app) => app.MapMemberExport();
}
