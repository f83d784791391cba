using Bin.Dashboard.Features.Replay.Evaluation;
using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Features.Replay.State;
using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Dashboard.Infrastructure.EventStore;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Replay;

/// <summary>Replay, history, evaluation and audit: what chiefs look back with.</summary>
public static class ReplayRegistration
{
    public static IServiceCollection AddBinReplay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new TimelineProjection(sp.GetRequiredService<IOptions<EventStoreOptions>>().Value.Schema));
        services.AddSingleton<HistoryQuery>();
        services.AddSingleton<StateQuery>();
        services.AddSingleton<EvaluationQuery>();
        // Before the demo seed (registered later): events stored before the timeline existed are filled in first.
        services.AddHostedService<TimelineBackfill>();
        services.ConfigureMarten((sp, o) =>
        {
            var schema = o.DatabaseSchemaName;
            // Marten creates and migrates the table with its own schema objects (at start-up, before anything appends).
            o.Storage.ExtendedSchemaObjects.Add(TimelineTable.Define(schema));
            o.Projections.Add(sp.GetRequiredService<TimelineProjection>(), ProjectionLifecycle.Inline);
            o.Schema.For<TimelineMarker>().Identity(m => m.Id);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinReplay(this IEndpointRouteBuilder app)
    {
        app.MapHistory();
        app.MapEvaluation();
        return app;
    }
}
