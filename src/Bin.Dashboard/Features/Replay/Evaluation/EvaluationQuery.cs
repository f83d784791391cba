using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Dashboard.Features.Sms;
using Bin.Dashboard.Infrastructure.EventStore;
using Marten;
using Marten.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Replay.Evaluation;

/// <summary>The figures of one network (or, with <see cref="NetworkId"/> null, the whole zone) over a period.</summary>
/// <param name="MembersAtStart">Active members at the start of the period (joined, not opted out or erased).</param>
/// <param name="Joined">Members who became active members of the network during the period (registered, rejoined, moved in).</param>
/// <param name="Left">Members who stopped being active members of it (opted out, erased, moved out).</param>
/// <param name="Incidents">Incidents reported in the period in the network (the zone: all, also outside every network).</param>
/// <param name="Alerts">Alerts issued in the period to the network (the zone: all alerts).</param>
/// <param name="Recipients">Tips those alerts sent to the network's members.</param>
/// <param name="MedianMinutesToAlert">Median time from an incident's report to its alert.</param>
/// <param name="Delivered">Tips with a delivery report.</param>
/// <param name="Failed">Tips that failed (unreachable, refused).</param>
/// <param name="Acknowledged">Members who acknowledged those tips (at any time after).</param>
/// <param name="MedianMinutesToAcknowledge">Median time from the alert to an acknowledgement.</param>
/// <param name="Replies">Free-text answers to those alerts.</param>
/// <param name="AlertsWithFeedback">Those alerts whose members were sent feedback (by now).</param>
/// <param name="FeedbackOnTime">Those sent it before the alert's feedback deadline (the watchdog's: by default noon on the
/// next working day).</param>
/// <param name="Segments">SMS segments sent for those alerts (tips, reminders, feedback).</param>
/// <param name="Cost">Segments × the configured cost per segment.</param>
public sealed record NetworkFigures(
    Guid? NetworkId,
    string Name,
    int MembersAtStart,
    int MembersAtEnd,
    int Joined,
    int Left,
    int Incidents,
    IReadOnlyDictionary<string, int> IncidentsByCategory,
    int Alerts,
    int Recipients,
    double? MedianMinutesToAlert,
    int Delivered,
    int Failed,
    int Acknowledged,
    double? MedianMinutesToAcknowledge,
    int Replies,
    int AlertsWithFeedback,
    int FeedbackOnTime,
    int Segments,
    decimal Cost)
{
    public double? DeliveryRate => Recipients == 0 ? null : (double)Delivered / Recipients;

    public double? AcknowledgementRate => Recipients == 0 ? null : (double)Acknowledged / Recipients;

    public int Growth => MembersAtEnd - MembersAtStart;

    /// <summary>Share of the alerts that got their feedback on time.</summary>
    public double? FeedbackOnTimeRate => Alerts == 0 ? null : (double)FeedbackOnTime / Alerts;
}

/// <summary>Incidents and alerts per day, week or month (Brussels calendar) for the charts.</summary>
public sealed record SeriesPoint(DateOnly Start, int Incidents, int Alerts);

/// <summary>The evaluation of a period: one row per network, the zone, and a series over time.</summary>
public sealed record EvaluationReport(
    DateTimeOffset From, DateTimeOffset To, IReadOnlyList<NetworkFigures> Networks, NetworkFigures Zone, string Bucket, IReadOnlyList<SeriesPoint> Series,
    decimal CostPerSegment);

/// <summary>
/// The evaluation figures of a period, per network, from the replay timeline (incidents, alerts, acknowledgements,
/// replies, member changes — all events) and the SMS outbox (deliveries, segments: not events). A handful of
/// grouped statements, whatever the size of the period; member counts are folded from the member rows.
/// </summary>
public sealed class EvaluationQuery(
    IDocumentStore store, NetworkDirectory networks, IOptions<EventStoreOptions> options, IOptions<SmsOptions> sms, IOptions<FeedbackOptions> feedback)
{
    private string Table => $"{options.Value.Schema}.{TimelineTable.Name}";
    private string Outbox => $"{options.Value.Schema}.bin_outbox";

    public async Task<EvaluationReport> LoadAsync(Period period, IReadOnlyCollection<Guid> only, CancellationToken ct)
    {
        var names = (await networks.CurrentAsync(ct)).Names;
        var listed = names.Keys.Where(id => only.Count == 0 || only.Contains(id)).OrderBy(id => names[id], StringComparer.Ordinal).ToList();

        // Independent questions, each on its own connection, asked at the same time.
        var reads = new List<Task>();

        var incidentsByNetwork = new Dictionary<Guid, Dictionary<string, int>>();
        var incidentsInZone = new Dictionary<string, int>();
        reads.Add(ReadAsync($"""
            SELECT n, r.category, count(*)::int FROM {Table} r CROSS JOIN LATERAL unnest(r.network_ids) n
            WHERE r.kind = '{TimelineKinds.IncidentReported}' AND r.at >= @from AND r.at < @to GROUP BY n, r.category
            """, period, reader =>
        {
            var byCategory = incidentsByNetwork.TryGetValue(reader.GetGuid(0), out var c) ? c : incidentsByNetwork[reader.GetGuid(0)] = [];
            byCategory[reader.GetString(1)] = reader.GetInt32(2);
        }, ct));
        reads.Add(ReadAsync($"""
            SELECT r.category, count(*)::int FROM {Table} r
            WHERE r.kind = '{TimelineKinds.IncidentReported}' AND r.at >= @from AND r.at < @to GROUP BY r.category
            """, period, reader => incidentsInZone[reader.GetString(0)] = reader.GetInt32(1), ct));

        var alerts = new List<AlertRow>();
        reads.Add(ReadAsync($"""
            SELECT a.alert_id, a.at, a.network_ids, coalesce(a.network_counts, ARRAY[]::int[]), reported.at, feedback.at
            FROM {Table} a
            LEFT JOIN LATERAL (SELECT r.at FROM {Table} r WHERE r.incident_id = a.incident_id AND r.kind = '{TimelineKinds.IncidentReported}' LIMIT 1) reported ON true
            LEFT JOIN LATERAL (SELECT min(f.at) AS at FROM {Table} f WHERE f.alert_id = a.alert_id AND f.kind = '{TimelineKinds.FeedbackSent}') feedback ON true
            WHERE a.kind = '{TimelineKinds.AlertIssued}' AND a.at >= @from AND a.at < @to
            """, period, reader => alerts.Add(new AlertRow(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<Guid[]>(2),
                reader.GetFieldValue<int[]>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5))), ct));

        // Acknowledgements and replies of the period's alerts, per network and for the zone (GROUPING tells them apart).
        var answers = new Dictionary<(string Kind, Guid? Network), (int Count, double? MedianSeconds)>();
        reads.Add(ReadAsync($"""
            SELECT k.kind, k.network_ids[1], count(*)::int, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.at - a.at)),
                   GROUPING(k.network_ids[1])
            FROM {Table} a JOIN {Table} k ON k.alert_id = a.alert_id AND k.kind IN ('{TimelineKinds.TipAcknowledged}', '{TimelineKinds.ReplyReceived}')
            WHERE a.kind = '{TimelineKinds.AlertIssued}' AND a.at >= @from AND a.at < @to
            GROUP BY GROUPING SETS ((k.kind, k.network_ids[1]), (k.kind))
            """, period, reader =>
        {
            Guid? network = reader.GetInt32(4) == 1 ? null : reader.IsDBNull(1) ? Guid.Empty : reader.GetGuid(1);
            answers[(reader.GetString(0), network)] = (reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetDouble(3));
        }, ct));

        // Delivery and segments of the period's alerts, from the outbox.
        var deliveries = new Dictionary<Guid, (int Tips, int Delivered, int Failed, int Segments)>();
        (int Tips, int Delivered, int Failed, int Segments) zoneDelivery = default;
        reads.Add(ReadAsync($"""
            SELECT o.network_id, count(*) FILTER (WHERE o.kind = 'tip')::int,
                   count(*) FILTER (WHERE o.kind = 'tip' AND o.delivered_at IS NOT NULL)::int,
                   count(*) FILTER (WHERE o.kind = 'tip' AND o.status = 'failed')::int,
                   coalesce(sum(o.segments) FILTER (WHERE o.sent_at IS NOT NULL OR o.delivered_at IS NOT NULL), 0)::int,
                   GROUPING(o.network_id)
            FROM {Outbox} o
            WHERE o.alert_id IN (SELECT a.alert_id FROM {Table} a WHERE a.kind = '{TimelineKinds.AlertIssued}' AND a.at >= @from AND a.at < @to)
            GROUP BY GROUPING SETS ((o.network_id), ())
            """, period, reader =>
        {
            var figures = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
            if (reader.GetInt32(5) == 1) zoneDelivery = figures;
            else deliveries[reader.GetGuid(0)] = figures;
        }, ct));

        var memberRows = new List<(string Kind, DateTimeOffset At, Guid Member, Guid[] Networks)>();
        reads.Add(ReadAsync($"""
            SELECT kind, at, member_id, network_ids FROM {Table} WHERE kind = ANY(@kinds) AND at < @to ORDER BY at
            """, period, reader => memberRows.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2), reader.GetFieldValue<Guid[]>(3))),
            ct, command => command.Parameters.AddWithValue("kinds", TimelineKinds.Members.ToArray())));

        var bucket = period.Length <= TimeSpan.FromDays(62) ? "day" : period.Length <= TimeSpan.FromDays(190) ? "week" : "month";
        var series = new SortedDictionary<DateOnly, (int Incidents, int Alerts)>();
        reads.Add(ReadAsync($"""
            SELECT date_trunc('{bucket}', r.at AT TIME ZONE 'Europe/Brussels')::date, r.kind, count(*)::int FROM {Table} r
            WHERE r.kind IN ('{TimelineKinds.IncidentReported}', '{TimelineKinds.AlertIssued}') AND r.at >= @from AND r.at < @to
              {(only.Count > 0 ? "AND r.network_ids && @networks" : "")}
            GROUP BY 1, 2
            """, period, reader =>
        {
            var day = DateOnly.FromDateTime(reader.GetDateTime(0));
            var (incidents, alertCount) = series.GetValueOrDefault(day);
            series[day] = reader.GetString(1) == TimelineKinds.AlertIssued ? (incidents, alertCount + reader.GetInt32(2)) : (incidents + reader.GetInt32(2), alertCount);
        }, ct, command =>
        {
            if (only.Count > 0) command.Parameters.AddWithValue("networks", only.ToArray());
        }));

        await Task.WhenAll(reads);
        var membership = Membership.Fold(memberRows, period);

        var cost = sms.Value.CostPerSegment;
        var deadline = feedback.Value.Deadline;
        NetworkFigures Figures(Guid? network, string name, IReadOnlyDictionary<string, int> byCategory, IReadOnlyList<AlertRow> sent, int recipients)
        {
            var (members, joined, left) = membership.For(network);
            var delivery = network is { } id ? deliveries.GetValueOrDefault(id) : zoneDelivery;
            var acks = answers.GetValueOrDefault((TimelineKinds.TipAcknowledged, network));
            var replies = answers.GetValueOrDefault((TimelineKinds.ReplyReceived, network));
            return new NetworkFigures(network, name, members.Start, members.End, joined, left, byCategory.Values.Sum(), byCategory,
                sent.Count, recipients, Median(sent.Where(a => a.ReportedAt is not null).Select(a => (a.IssuedAt - a.ReportedAt!.Value).TotalMinutes)),
                delivery.Delivered, delivery.Failed, acks.Count, acks.MedianSeconds / 60, replies.Count,
                sent.Count(a => a.FeedbackAt is not null), sent.Count(a => a.FeedbackAt is { } at && at <= deadline.For(a.IssuedAt)),
                delivery.Segments, delivery.Segments * cost);
        }

        var rows = listed.Select(id =>
        {
            var sent = alerts.Where(a => a.NetworkIds.Contains(id)).ToList();
            var recipients = sent.Sum(a => a.Counts.ElementAtOrDefault(Array.IndexOf(a.NetworkIds, id)));
            return Figures(id, names[id], incidentsByNetwork.GetValueOrDefault(id) ?? [], sent, recipients);
        }).ToList();
        var zone = Figures(null, "", incidentsInZone, alerts, alerts.Sum(a => a.Counts.Sum()));
        return new EvaluationReport(period.From, period.To, rows, zone, bucket,
            series.Select(p => new SeriesPoint(p.Key, p.Value.Incidents, p.Value.Alerts)).ToList(), cost);
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>One question on its own connection (no JIT: these are short, and compiling costs more than it saves).</summary>
    private async Task ReadAsync(string sql, Period period, Action<NpgsqlDataReader> row, CancellationToken ct, Action<NpgsqlCommand>? parameters = null)
    {
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using (var jit = new NpgsqlCommand("SET jit = off", connection))
            await jit.ExecuteNonQueryAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", period.From);
        command.Parameters.AddWithValue("to", period.To);
        parameters?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) row(reader);
    }

    private sealed record AlertRow(Guid AlertId, DateTimeOffset IssuedAt, Guid[] NetworkIds, int[] Counts, DateTimeOffset? ReportedAt, DateTimeOffset? FeedbackAt);
}

/// <summary>
/// Who was an active member of which network when: the member rows of the timeline folded in time order. A member
/// counts in a network while registered in it and neither opted out nor erased.
/// </summary>
internal sealed class Membership
{
    private readonly Dictionary<Guid, (int Start, int End)> _counts = [];
    private readonly Dictionary<Guid, (int Joined, int Left)> _moves = [];
    private (int Start, int End) _zone;
    private (int Joined, int Left) _zoneMoves;

    public ((int Start, int End) Members, int Joined, int Left) For(Guid? network)
    {
        if (network is not { } id) return (_zone, _zoneMoves.Joined, _zoneMoves.Left);
        var moves = _moves.GetValueOrDefault(id);
        return (_counts.GetValueOrDefault(id), moves.Joined, moves.Left);
    }

    public static Membership Fold(IEnumerable<(string Kind, DateTimeOffset At, Guid Member, Guid[] Networks)> rows, Period period)
    {
        var result = new Membership();
        var members = new Dictionary<Guid, (bool Active, Guid[] Networks)>();
        var startTaken = false;
        void TakeStart()
        {
            foreach (var (active, networks) in members.Values.Where(m => m.Active))
            {
                foreach (var n in networks) result._counts[n] = (result._counts.GetValueOrDefault(n).Start + 1, 0);
                result._zone.Start++;
            }
            startTaken = true;
        }

        foreach (var (kind, at, member, networks) in rows)
        {
            if (!startTaken && at >= period.From) TakeStart();
            var before = members.GetValueOrDefault(member, (false, []));
            var after = kind switch
            {
                TimelineKinds.MemberRegistered => (true, networks),
                TimelineKinds.MemberNetworksChanged => (before.Active, networks),
                TimelineKinds.MemberRejoined => (true, before.Networks),
                _ => (false, before.Networks), // opted out, erased
            };
            members[member] = after;
            if (!startTaken) continue;
            var was = before.Active ? before.Networks : [];
            var now = after.Item1 ? after.Item2 : [];
            foreach (var n in now.Except(was)) result._moves[n] = (result._moves.GetValueOrDefault(n).Joined + 1, result._moves.GetValueOrDefault(n).Left);
            foreach (var n in was.Except(now)) result._moves[n] = (result._moves.GetValueOrDefault(n).Joined, result._moves.GetValueOrDefault(n).Left + 1);
            if (!before.Active && after.Item1) result._zoneMoves.Joined++;
            if (before.Active && !after.Item1) result._zoneMoves.Left++;
        }
        if (!startTaken) TakeStart();
        foreach (var (active, networks) in members.Values.Where(m => m.Active))
        {
            foreach (var n in networks) result._counts[n] = (result._counts.GetValueOrDefault(n).Start, result._counts.GetValueOrDefault(n).End + 1);
            result._zone.End++;
        }
        return result;
    }
}
