using System.ComponentModel.DataAnnotations;
using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace Bin.Dashboard.Infrastructure.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>The PostgreSQL schema of Quartz's qrtz_* tables; empty means "{EventStore:Schema}_quartz", beside Marten's
    /// schema and never inside it.</summary>
    [RegularExpression("^([a-z_][a-z0-9_]{0,62})?$", ErrorMessage = "Scheduling:Schema must be a lower-case PostgreSQL identifier.")]
    public string Schema { get; set; } = "";

    /// <summary>How often each node tells the others it is alive; a node silent for longer than this plus
    /// <see cref="CheckinMisfireThreshold"/> is dead, and the jobs it was running are recovered by another.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A trigger later than this (the app was down when it was due) counts as misfired and follows its misfire
    /// instruction; every trigger of this app says "fire now".</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle node waits before looking for due triggers again. A node notices triggers it scheduled
    /// itself at once; this bounds how late it notices one another node scheduled (if that node went away).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(10);

    public static string SchemaFor(string configured, string eventStoreSchema) =>
        string.IsNullOrWhiteSpace(configured) ? eventStoreSchema + "_quartz" : configured;
}

/// <summary>
/// Quartz for timed work (scheduled feedback, reminders, the sweep): one clustered scheduler per node over a
/// persistent job store in the same PostgreSQL database as the events. Every node that shares the database is a
/// member of the cluster, so each trigger fires on exactly one of them; a node that dies mid-job has its
/// recoverable jobs re-run by another. The qrtz_* tables live in a schema of their own, created at start-up.
/// </summary>
public static class SchedulingRegistration
{
    /// <summary>The scheduler's name: the same on every node (that is what makes them one cluster).</summary>
    public const string SchedulerName = "bin";

    public static IServiceCollection AddBinScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(QuartzSchema))) return services;

        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var scheduling = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var schema = SchedulingOptions.SchemaFor(scheduling.Schema, configuration[$"{EventStoreOptions.Section}:Schema"] ?? "bin");

        // Registered before Quartz's hosted service, so the schema exists before the store provisions its tables.
        services.AddSingleton<QuartzSchema>();
        services.AddHostedService(sp => sp.GetRequiredService<QuartzSchema>());

        services.AddQuartz(q =>
        {
            q.AddTriggerListener<Telemetry.QuartzMisfireListener>();
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.IdleWaitTime = scheduling.IdleWaitTime;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(ds => ds.DataSourceFactory = sp =>
                    NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<EventStoreOptions>>().Value.ConnectionString));
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = $"{schema}.qrtz_";
                    o.MisfireThreshold = scheduling.MisfireThreshold;
                });
                store.ProvisionSchema();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = scheduling.CheckinInterval;
                    c.CheckinMisfireThreshold = scheduling.CheckinMisfireThreshold;
                });
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>Creates the Quartz schema (the store creates its tables inside it, but not the schema itself).</summary>
internal sealed class QuartzSchema(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> eventStore, IOptions<SchedulingOptions> scheduling) : IHostedService
{
    public string Name => SchedulingOptions.SchemaFor(scheduling.Value.Schema, eventStore.Value.Schema);

    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = dataSource.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {Name}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema)
        {
            // Another node created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
