using System.Security.Claims;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using Bin.Domain.Incidents;
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
    NpgsqlDataSource dataSource,
    OutboxWriter outbox,
    OutboxSignal signal,
    AlertBudget budget,
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

    /// <summary>
    /// Issues an alert under the safeguards (docs/privacy.md): the account's hourly cap, the repeat guard, the
    /// idempotency key and the zone's daily segment budget are checked and the alert written in ONE transaction, after
    /// the advisory locks of <see cref="AlertLocks"/>, so parallel requests are counted one after the other.
    /// Throws <see cref="AlertRateLimitedException"/>, <see cref="AlertRepeatException"/> or
    /// <see cref="AlertNeedsApprovalException"/> (the approval request is then stored).
    /// </summary>
    public async Task<AlertIssued> IssueAsync(IssueAlert command, ClaimsPrincipal user, CancellationToken ct, AlertRequest? request = null)
    {
        using var activity = Infrastructure.Telemetry.BinTelemetry.Start("alert issue")?.SetTag("bin.incident_id", command.IncidentId);
        request ??= AlertRequest.Default;
        var userName = user.Identity?.Name ?? "anonymous";
        IReadOnlyList<Recipient> recipients;
        Incident? incident;
        NetworkDirectory.Snapshot directory;
        await using (var query = store.QuerySession())
        {
            var incidentEvents = await query.Events.FetchStreamAsync(command.IncidentId, token: ct);
            incident = Incident.Fold(incidentEvents.Select(e => e.Data));
            directory = await networks.CurrentAsync(ct);
            recipients = await members.ActiveRecipientsAsync(command.NetworkIds.Distinct().ToList(), ct);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
        session.LastModifiedBy = userName;
        await AlertLocks.AccountAsync(connection, transaction, userName, ct);
        await AlertLocks.IncidentAsync(connection, transaction, command.IncidentId, ct);
        // Taken after the locks: the clock and the counts are those of this request's turn.
        var now = clock.GetUtcNow();

        var keyId = request.IdempotencyKey is { } key ? userName + "\n" + key : null;
        if (keyId is not null && await session.LoadAsync<AlertIdempotencyKey>(keyId, ct) is { } used)
        {
            if (used.IncidentId != command.IncidentId)
                throw new DomainException(ServerMessages.IdempotencyKeyOtherIncident, "Idempotency-Key");
            var earlier = await session.Events.FetchStreamAsync(used.AlertId, token: ct);
            return earlier.Select(e => e.Data).OfType<AlertIssued>().First();
        }

        var since = now.AddHours(-1);
        var lastHour = await session.Query<AlertView>().Where(a => a.IssuedBy == userName && a.IssuedAt > since).Select(a => a.IssuedAt).ToListAsync(ct);
        var limit = user.IsInRole(Infrastructure.Auth.Roles.Admin) ? options.Value.MaxAlertsPerAdminPerHour : options.Value.MaxAlertsPerOfficerPerHour;
        var context = new AlertContext(incident, directory.Names.Keys.ToHashSet(), PerNetwork(recipients), lastHour.Count, limit);

        AlertIssued issued;
        try
        {
            issued = AlertDecisions.Issue(context, command, now);
        }
        catch (DomainException ex) when (ex.Field == "rate")
        {
            throw new AlertRateLimitedException(ex.Text!, AlertSafeguards.RetryAfter(lastHour, now));
        }
        if (!request.Repeat)
        {
            var windowStart = now - options.Value.RepeatWindow;
            var ofIncident = await session.Query<AlertView>().Where(a => a.IncidentId == command.IncidentId && a.IssuedAt > windowStart).ToListAsync(ct);
            var repeats = AlertSafeguards.Repeats(ofIncident.Select(a => new RecentAlert(a.Id, a.NetworkIds, a.IssuedAt)), issued.NetworkIds, options.Value.RepeatWindow, now);
            if (repeats.Count > 0) throw new AlertRepeatException(repeats, now);
        }
        var reminder = ReminderDecisions.Schedule(issued.AlertId, command.ReminderAfterMinutes, now);
        var personalData = PersonalDataDecisions.Check(issued, command.ConfirmPersonalData, now);

        var messages = recipients.Select(r =>
        {
            var body = issued.Texts[Languages.Parse(r.Language).Code()];
            return new OutboxMessage(Guid.CreateVersion7(), issued.AlertId, r.MemberId, r.NetworkId, MessageKind.Tip,
                Languages.Parse(r.Language).Code(), r.Phone, body, SmsEncoding.Analyze(body).Segments);
        }).ToList();

        await AlertLocks.BudgetAsync(connection, transaction, ct);
        if (request.ApprovalId is { } approvalId)
            await MarkApprovedAsync(connection, transaction, session, approvalId, issued.AlertId, request.ApprovedBy ?? userName, now, ct);
        else
        {
            var segments = messages.Sum(m => m.Segments);
            var usedToday = await budget.UsedSinceAsync(connection, transaction, AlertLocks.StartOfDay(now), ct);
            if (AlertSafeguards.NeedsApproval(usedToday, segments, options.Value.DailySegmentBudget))
            {
                var approval = new AlertApproval
                {
                    Id = Guid.CreateVersion7(), IncidentId = command.IncidentId, NetworkIds = [.. issued.NetworkIds], TipTemplateId = command.TipTemplateId,
                    Tip = command.Text, ReminderAfterMinutes = command.ReminderAfterMinutes, ConfirmPersonalData = command.ConfirmPersonalData, RequestedBy = userName,
                    RequesterRoles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), RequestedAt = now,
                    Segments = segments, UsedToday = usedToday, Budget = options.Value.DailySegmentBudget, Status = AlertApprovalStatus.Pending,
                };
                session.Store(approval);
                await session.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                logger.LogWarning("Alert for incident {IncidentId} by {User} waits for approval: {Segments} segments, {Used} of {Budget} used today",
                    command.IncidentId, userName, segments, usedToday, options.Value.DailySegmentBudget);
                throw new AlertNeedsApprovalException(approval);
            }
        }

        await outbox.InsertAsync(connection, messages, now, ct);
        // The reminder's trigger is set by the feedback feature when it sees ReminderScheduled (and by its sweep).
        session.Events.StartStream<AlertView>(issued.AlertId, new object?[] { issued, reminder, personalData }.OfType<object>().ToArray());
        if (keyId is not null)
            session.Store(new AlertIdempotencyKey { Id = keyId, IncidentId = command.IncidentId, AlertId = issued.AlertId, UsedAt = now });
        await session.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Wake();
        if (messages.Count >= AnalyzeFrom) _ = AnalyzeOutboxAsync();
        activity?.SetTag("bin.alert_id", issued.AlertId).SetTag("bin.recipients", messages.Count);
        return issued;
    }

    /// <summary>An approved request is issued once: the second administrator to approve it finds it decided.</summary>
    private static async Task MarkApprovedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IDocumentSession session, Guid approvalId,
        Guid alertId, string approvedBy, DateTimeOffset now, CancellationToken ct)
    {
        await AlertLocks.ApprovalAsync(connection, transaction, approvalId, ct);
        var approval = await session.LoadAsync<AlertApproval>(approvalId, ct) ?? throw new DomainException(ServerMessages.ApprovalNotFound, "id");
        if (approval.Status != AlertApprovalStatus.Pending) throw new ApprovalDecidedException(approval.Status);
        approval.Status = AlertApprovalStatus.Approved;
        approval.DecidedBy = approvedBy;
        approval.DecidedAt = now;
        approval.AlertId = alertId;
        session.Store(approval);
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
