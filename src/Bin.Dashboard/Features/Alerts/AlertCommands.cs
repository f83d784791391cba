using System.Security.Claims;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Domain;
using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using Bin.Domain.Members;
using Bin.Domain.Sms;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>What the composer shows before the officer confirms: texts per language, recipients, cost.</summary>
public sealed record AlertPreview(
    AlertTexts Texts,
    IReadOnlyDictionary<Guid, int> RecipientsPerNetwork,
    IReadOnlyDictionary<string, int> RecipientsPerLanguage,
    int Recipients,
    int Segments,
    decimal EstimatedCost);

/// <summary>
/// Issuing an alert: the decision, then — in ONE transaction — the <see cref="AlertIssued"/> event and one outbox
/// row per recipient, so nothing is sent that was not recorded and nothing recorded is lost. The sender picks
/// the rows up afterwards.
/// </summary>
public sealed class AlertCommands(
    IDocumentStore store,
    IMemberDirectory members,
    NetworkDirectory networks,
    OutboxStore outbox,
    OutboxSignal signal,
    IOptions<AlertOptions> options,
    IOptions<Sms.SmsOptions> sms,
    TimeProvider clock,
    ILogger<AlertCommands> logger)
{
    /// <summary>
    /// From this many messages on, an alert has the outbox analyzed right after it is written. Autovacuum would do it
    /// within a minute or so, but the answers come sooner, and on statistics that predate a big alert PostgreSQL plans
    /// the acknowledgements' outbox update as if the table were small (bench: 10,000 acks recorded at 567/s instead of ~1,400/s).
    /// </summary>
    private const int AnalyzeFrom = 1000;

    public async Task<AlertPreview> PreviewAsync(IReadOnlyList<Guid> networkIds, string? tipTemplateId, string? text, CancellationToken ct)
    {
        var texts = AlertDecisions.ComposeTexts(tipTemplateId, text);
        var recipients = await members.ActiveRecipientsAsync(networkIds.Distinct().ToList(), ct);
        var perLanguage = recipients.GroupBy(r => r.Language).ToDictionary(g => g.Key, g => g.Count());
        int SegmentsOf(Recipient r) => texts.ByLanguage[Languages.Parse(r.Language)].Sms.Segments;
        var segments = recipients.Sum(SegmentsOf);
        var segmentsByCountry = recipients.GroupBy(r => PhoneNumber.CountryOf(r.Phone)).ToDictionary(g => g.Key, g => g.Sum(SegmentsOf));
        return new AlertPreview(texts, PerNetwork(recipients), perLanguage, recipients.Count, segments,
            SmsCost.Estimate(segmentsByCountry, sms.Value.CostPerSegmentIn));
    }

    public async Task<AlertIssued> IssueAsync(IssueAlert command, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var userName = user.Identity?.Name ?? "anonymous";
        await using var query = store.QuerySession();
        var incidentEvents = await query.Events.FetchStreamAsync(command.IncidentId, token: ct);
        var incident = IncidentCommands.Fold(incidentEvents.Select(e => e.Data));
        var directory = await networks.CurrentAsync(ct);
        var recipients = await members.ActiveRecipientsAsync(command.NetworkIds.Distinct().ToList(), ct);
        var since = now.AddHours(-1);
        var recentByOfficer = await query.Query<AlertView>().CountAsync(a => a.IssuedBy == userName && a.IssuedAt > since, ct);
        var context = new AlertContext(incident, directory.Names.Keys.ToHashSet(), PerNetwork(recipients),
            recentByOfficer, options.Value.MaxAlertsPerOfficerPerHour);

        var issued = AlertDecisions.Issue(context, command, now);
        var reminder = ReminderDecisions.Schedule(issued.AlertId, command.ReminderAfterMinutes, now);

        var messages = recipients.Select(r =>
        {
            var body = issued.Texts[Languages.Parse(r.Language).Code()];
            return new OutboxMessage(Guid.CreateVersion7(), issued.AlertId, r.MemberId, r.NetworkId, MessageKind.Tip,
                Languages.Parse(r.Language).Code(), r.Phone, body, SmsEncoding.Analyze(body).Segments);
        }).ToList();

        await using var connection = new NpgsqlConnection(outbox.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await outbox.InsertAsync(connection, messages, now, ct);
        await using (var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, shouldAutoCommit: false)))
        {
            session.LastModifiedBy = userName;
            // The reminder's trigger is set by the feedback feature when it sees ReminderScheduled (and by its sweep).
            session.Events.StartStream<AlertView>(issued.AlertId, reminder is null ? [issued] : [issued, reminder]);
            await session.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        signal.Wake();
        if (messages.Count >= AnalyzeFrom) _ = AnalyzeOutboxAsync();
        return issued;
    }

    /// <summary>In the background: the officer's answer does not wait for it, and a failure only costs speed.</summary>
    private async Task AnalyzeOutboxAsync()
    {
        try
        {
            await outbox.AnalyzeAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nobody awaits this task: whatever went wrong is logged here or not at all.
            logger.LogWarning(ex, "Analyzing the outbox after a big alert failed; autovacuum will do it later");
        }
    }

    private static Dictionary<Guid, int> PerNetwork(IEnumerable<Recipient> recipients) =>
        recipients.GroupBy(r => r.NetworkId).ToDictionary(g => g.Key, g => g.Count());
}
