using Bin.Dashboard.Infrastructure.Http;
using System.Security.Claims;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain;
using Bin.Domain.Alerts;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Privacy;

public sealed record ExportedContact(string Name, string Phone);

public sealed record ExportedNetwork(Guid Id, string Name);

public sealed record ExportedConsent(DateTimeOffset At, string Method);

public sealed record ExportedEvent(string Type, DateTimeOffset RecordedAt, string? By);

public sealed record ExportedMessage(Guid MessageId, string Kind, Guid? AlertId, Guid? NetworkId, string Language, string Body, string Status,
    DateTimeOffset QueuedAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? AcknowledgedAt);

public sealed record ExportedReply(DateTimeOffset ReceivedAt, Guid? AlertId, Guid? IncidentId, string Text);

/// <summary>Everything held about one member (GDPR art. 15). Texts removed by retention or erasure show as empty.</summary>
public sealed record MemberDataExport(
    Guid MemberId,
    DateTimeOffset ExportedAt,
    ExportedContact? Contact,
    string Status,
    string Language,
    IReadOnlyList<ExportedNetwork> Networks,
    ExportedConsent Consent,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? OptedOutAt,
    DateTimeOffset? ErasedAt,
    IReadOnlyList<ExportedEvent> History,
    IReadOnlyList<ExportedMessage> Messages,
    IReadOnlyList<ExportedReply> Replies);

/// <summary>GET /api/members/{id}/export: the right of access, for an administrator or the coordinator of one of the
/// member's networks, who hands it to the member.</summary>
public sealed class MemberExport(IDocumentStore store, NetworkDirectory networks, NpgsqlDataSource dataSource, IOptions<EventStoreOptions> eventStore, TimeProvider clock,
    ILogger<MemberExport> logger)
{
    public async Task<MemberDataExport> ExportAsync(Guid memberId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var view = await session.LoadAsync<MemberView>(memberId, ct) ?? throw new DomainException(DomainMessages.MemberNotFound, "id");
        MemberAccess.EnsureMayManage(user, view.NetworkIds);
        var contact = await session.LoadAsync<MemberContact>(memberId, ct);
        var events = await session.Events.FetchStreamAsync(memberId, token: ct);
        var names = (await networks.CurrentAsync(ct)).Names;

        var export = new MemberDataExport(
            memberId, clock.GetUtcNow(),
            contact is null ? null : new ExportedContact(contact.Name, contact.Phone),
            view.Status.ToString().ToLowerInvariant(), view.Language,
            view.NetworkIds.Select(id => new ExportedNetwork(id, names.GetValueOrDefault(id) ?? "")).ToList(),
            new ExportedConsent(view.ConsentAt, view.ConsentMethod),
            view.RegisteredAt, view.OptedOutAt, view.ErasedAt,
            events.Select(e => new ExportedEvent(e.EventTypeName, e.Timestamp, e.UserName)).ToList(),
            await MessagesAsync(memberId, ct),
            events.Select(e => e.Data).OfType<ReplyReceived>().Select(r => new ExportedReply(r.ReceivedAt, r.AlertId, r.IncidentId, r.Text)).ToList());
        // An export is a disclosure of personal data: who asked for whose is kept in the log (ids only).
        logger.LogInformation("Member {MemberId} exported by {User}", memberId, user.Identity?.Name);
        return export;
    }

    private async Task<IReadOnlyList<ExportedMessage>> MessagesAsync(Guid memberId, CancellationToken ct)
    {
        await using var connection = dataSource.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT message_id, kind, alert_id, network_id, language, body, status, created_at, sent_at, delivered_at, acked_at
            FROM {eventStore.Value.Schema}.bin_outbox WHERE member_id = @member ORDER BY created_at
            """, connection);
        command.Parameters.AddWithValue("member", memberId);
        var messages = new List<ExportedMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            messages.Add(new ExportedMessage(reader.GetGuid(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.GetGuid(3) is var network && network != Guid.Empty ? network : null,
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                Optional(reader, 8), Optional(reader, 9), Optional(reader, 10)));
        return messages;
    }

    private static DateTimeOffset? Optional(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}

public static class MemberExportEndpoint
{
    public static IEndpointRouteBuilder MapMemberExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/members/{id:guid}/export", async (Guid id, HttpContext http, MemberExport export, CancellationToken ct) =>
                TypedResults.Ok(await export.ExportAsync(id, http.User, ct)))
            .RequireAuthorization(MemberAccess.Policy)
            .Refuses(StatusCodes.Status404NotFound)
            .WithSummary("Everything held about a member (right of access): contact, memberships, consent, history, messages sent, replies.");
        return app;
    }
}
