using System.Diagnostics;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain.Geometry;
using Bin.Domain.Members;
using JasperFx.Events;
using Marten;
using SessionOptions = Marten.Services.SessionOptions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.DemoData;

/// <summary>What a call of <see cref="HistoryGenerator.GenerateAsync"/> did: generated now, or found one already.</summary>
public sealed record HistoryRunResult(bool Generated, DemoHistoryRun Run);

/// <summary>
/// Writes a demo history for the registered networks and members (<see cref="HistoryPlanner"/> plans it through the
/// domain's decisions), once per installation. Everything goes in ONE transaction — events in batches through Marten
/// sessions that share it (so the inline projections, the timeline included, run as for any event, and each event
/// carries its business time as its timestamp and the acting user), outbox rows by COPY, and the
/// <see cref="DemoHistoryRun"/> record last — under an advisory lock: two nodes starting together, or a crash half
/// way, leave either the whole history or none.
/// </summary>
public sealed class HistoryGenerator(
    IDocumentStore store,
    NpgsqlDataSource dataSource,
    IOptions<EventStoreOptions> eventStore,
    ServiceArea area,
    IOptions<AlertOptions> alerts,
    TimeProvider clock,
    ILogger<HistoryGenerator> logger)
{
    private const int EventsPerSession = 4_000;
    private const int MessagesPerCopy = 25_000;
    private const long LockKey = 5371_0006;

    public async Task<HistoryRunResult> GenerateAsync(HistoryProfile profile, CancellationToken ct)
    {
        profile.Validate();
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<DemoHistoryRun>(DemoHistoryRun.Key, ct) is { } done) return new HistoryRunResult(false, done);
        }

        var watch = Stopwatch.StartNew();
        var plan = await PlanAsync(profile, ct);
        var planned = watch.Elapsed;
        var run = new DemoHistoryRun
        {
            From = profile.Start, To = profile.End, IncidentsPerDay = profile.IncidentsPerDay, Seed = profile.Seed,
            Incidents = plan.Incidents, Alerts = plan.Alerts, Acknowledgements = plan.Acknowledgements, Replies = plan.Replies,
            Messages = plan.Messages.Count, Joiners = plan.Joiners, OptOuts = plan.OptOuts, Events = plan.Events.Count,
            Reminders = plan.Reminders, FeedbackSent = plan.FeedbackSent,
        };
        if (await WriteAsync(plan, run, () => Math.Round(watch.Elapsed.TotalSeconds, 1), ct) is { } other) return new HistoryRunResult(false, other);
        logger.LogInformation(
            "Demo history {From:u} – {To:u}: {Incidents} incidents, {Alerts} alerts, {Acks} acknowledgements, {Replies} replies, {Reminders} reminders, " +
            "{Feedback} feedback, {Messages} SMS, {Joiners} new members, {OptOuts} opt-outs; {Events} events in {Seconds:0.0} s (planning {Planning:0.0} s)",
            run.From, run.To, run.Incidents, run.Alerts, run.Acknowledgements, run.Replies, run.Reminders, run.FeedbackSent, run.Messages, run.Joiners, run.OptOuts, run.Events,
            watch.Elapsed.TotalSeconds, planned.TotalSeconds);
        return new HistoryRunResult(true, run);
    }

    /// <summary>
    /// Writes a plan in one transaction under the generator's lock. With a <paramref name="run"/> record, only when
    /// none exists yet: then the existing one is returned and nothing is written. (Tests write hand-made plans without one.)
    /// </summary>
    internal async Task<DemoHistoryRun?> WriteAsync(HistoryPlan plan, DemoHistoryRun? run, Func<double> seconds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(ct);
        if (run is not null)
        {
            await using var check = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
            // Another node generated it while this one waited for the lock.
            if (await check.LoadAsync<DemoHistoryRun>(DemoHistoryRun.Key, ct) is { } done)
            {
                await transaction.RollbackAsync(ct);
                return done;
            }
        }

        var first = true;
        foreach (var batch in plan.Events.Chunk(EventsPerSession))
        {
            await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
            if (first)
            {
                foreach (var contact in plan.Contacts) session.Store(contact);
                first = false;
            }
            Append(session, batch);
            await session.SaveChangesAsync(ct);
        }
        foreach (var messages in plan.Messages.Chunk(MessagesPerCopy))
            await PastMessages.InsertAsync(connection, eventStore.Value.Schema, messages, ct);

        if (run is not null)
        {
            run.Seconds = seconds();
            run.GeneratedAt = clock.GetUtcNow();
            await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
            session.Store(run);
            await session.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>The plan for the networks and members registered now.</summary>
    public async Task<HistoryPlan> PlanAsync(HistoryProfile profile, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var networks = (await query.Query<NetworkView>().ToListAsync(ct))
            .Select(n => new PlanNetwork(n.Id, n.Name, n.Boundary)).OrderBy(n => n.Id).ToList();
        if (networks.Count == 0)
            throw new InvalidOperationException("There are no networks to generate a history for: register networks (or turn on Seed:DemoData) first.");
        var views = await query.Query<MemberView>().ToListAsync(ct);
        var phones = (await query.Query<MemberContact>().ToListAsync(ct)).ToDictionary(c => c.Id, c => c.Phone);
        var members = views.Select(v => new PlanMember(
            v.Id, v.NetworkIds, Languages.Parse(v.Language), phones.GetValueOrDefault(v.Id), v.RegisteredAt,
            v.OptedOutAt ?? v.ErasedAt,
            // A stream holding only its registration takes answers after it; any later event (an opt-out, a change)
            // comes after the history, so such members receive SMS but their stream gets nothing more.
            v.Version == 1 ? v.RegisteredAt : DateTimeOffset.MaxValue)).ToList();
        var planner = new HistoryPlanner(profile, networks, members, phones.Values, area, alerts.Value.AcknowledgementWindow, alerts.Value.MaxAlertsPerOfficerPerHour);
        return planner.Plan();
    }

    /// <summary>Appends a time-ordered batch, stream by stream; each event keeps its business time and its actor.</summary>
    private static void Append(IDocumentSession session, IReadOnlyList<PlannedEvent> batch)
    {
        foreach (var stream in batch.GroupBy(e => e.StreamId))
        {
            var events = stream.ToList();
            var data = events.Select(e => e.Data).ToArray();
            StreamAction action = events[0].Starts switch
            {
                StreamStart.Incident => session.Events.StartStream<IncidentView>(stream.Key, data),
                StreamStart.Alert => session.Events.StartStream<AlertView>(stream.Key, data),
                StreamStart.Member => session.Events.StartStream<MemberView>(stream.Key, data),
                StreamStart.Feedback => session.Events.StartStream<FeedbackView>(stream.Key, data),
                _ => session.Events.Append(stream.Key, data),
            };
            for (var i = 0; i < events.Count; i++)
            {
                action.Events[i].Timestamp = events[i].At;
                action.Events[i].UserName = events[i].User;
            }
        }
    }
}
