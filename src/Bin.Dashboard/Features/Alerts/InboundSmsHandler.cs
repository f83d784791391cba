using System.Collections.Concurrent;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Sms;
using Bin.Domain.Alerts;
using Bin.Domain.Members;
using Bin.Domain.Sms;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>A received SMS, keyed by its MessageSid: a repeated webhook finds it and records nothing twice.</summary>
public sealed class InboundMessage
{
    public string Id { get; set; } = "";
    public Guid? MemberId { get; set; }
    public string Intent { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>
/// What members send back: OK/JA/OUI/1 acknowledges their latest tip, STOP opts them out (confirmed by one SMS),
/// anything else is a reply shown to dispatchers. The MessageSid document, the event and the outbox mark are
/// written in one transaction, so a duplicate webhook is recorded once and a failure records nothing.
/// </summary>
internal sealed class InboundSmsHandler(
    IDocumentStore store,
    IMemberDirectory members,
    OutboxStore outbox,
    OutboxSignal signal,
    IOptions<AlertOptions> options,
    TimeProvider clock,
    ILogger<InboundSmsHandler> logger) : IInboundSmsHandler
{
    private const int MaxAttempts = 3;

    /// <summary>An alert's incident never changes: remembered so an acknowledgement does not load the alert again.</summary>
    private readonly ConcurrentDictionary<Guid, Guid> _incidentOfAlert = new();

    public async Task HandleAsync(InboundSms sms, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await HandleOnceAsync(sms, ct);
                return;
            }
            catch (JasperFx.Events.EventStreamUnexpectedMaxEventIdException) when (attempt < MaxAttempts)
            {
                // Another message of the same member was recorded at the same moment — usually this very MessageSid,
                // posted twice by a retrying gateway. Nothing was written; start again: a repeat now finds its
                // MessageSid and stops, a different message is appended after the other one.
            }
        }
    }

    private async Task HandleOnceAsync(InboundSms sms, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "sms";
        if (await session.LoadAsync<InboundMessage>(sms.MessageSid, ct) is not null) return;

        var now = clock.GetUtcNow();
        var phone = Normalise(sms.From);
        var member = phone is null ? null : await members.FindByPhoneAsync(phone, ct);
        var intent = InboundText.Classify(sms.Body);
        var queued = false; // an SMS to send (the opt-out confirmation): only then is the sender woken
        session.Insert(new InboundMessage { Id = sms.MessageSid, MemberId = member?.MemberId, Intent = intent.Intent.ToString(), ReceivedAt = now });

        if (member is null)
        {
            logger.LogInformation("Inbound SMS {MessageSid} from a number that is not a member; recorded, not acted on", sms.MessageSid);
        }
        else
        {
            var tip = await outbox.LatestTipAsync(member.MemberId, now - options.Value.AcknowledgementWindow, ct);
            var incidentId = tip is null ? null : await IncidentOfAsync(session, tip.AlertId, ct);
            switch (intent.Intent)
            {
                case InboundIntent.Acknowledge when tip is not null && incidentId is not null:
                    if (!tip.AlreadyAcknowledged)
                    {
                        session.Events.Append(member.MemberId, new TipAcknowledged(member.MemberId, tip.AlertId, incidentId.Value, tip.NetworkId, tip.MessageId, now));
                        session.QueueSqlCommand(outbox.AcknowledgeSql, now, tip.AlertId, member.MemberId);
                    }
                    break;
                case InboundIntent.OptOut:
                    // Opting out first (it is idempotent) and recording the MessageSid after: a failure in between
                    // is retried by the gateway and finds the member already out, so the member is never kept in.
                    if (member.Active)
                    {
                        await members.OptOutAsync(member.MemberId, "sms", ct);
                        var text = OptOutConfirmation(member.Language);
                        outbox.QueueInsert(session, new OutboxMessage(Guid.CreateVersion7(), Guid.Empty, member.MemberId, Guid.Empty,
                            MessageKind.Confirmation, member.Language, phone!, text, SmsEncoding.Analyze(text).Segments), now);
                        queued = true;
                    }
                    break;
                default:
                    session.Events.Append(member.MemberId, new ReplyReceived(member.MemberId, tip?.AlertId, incidentId, tip?.NetworkId, intent.Text, now));
                    break;
            }
        }

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            // The same MessageSid arrived twice at the same moment; the other request recorded it.
            return;
        }
        if (queued) signal.Wake();
    }

    private async Task<Guid?> IncidentOfAsync(IDocumentSession session, Guid alertId, CancellationToken ct)
    {
        if (_incidentOfAlert.TryGetValue(alertId, out var known)) return known;
        var alert = await session.LoadAsync<AlertView>(alertId, ct);
        if (alert is null) return null;
        _incidentOfAlert.TryAdd(alertId, alert.IncidentId);
        return alert.IncidentId;
    }

    private static string? Normalise(string from)
    {
        try
        {
            return PhoneNumber.Parse(from, belgianMobileOnly: false).E164;
        }
        catch (Bin.Domain.DomainException)
        {
            return null;
        }
    }

    private static string OptOutConfirmation(string language) => language switch
    {
        "fr" => "Police Lommel - BIN: vous ne recevrez plus de messages du BIN. Pour vous reinscrire, contactez votre coordinateur BIN.",
        "de" => "Polizei Lommel - BIN: Sie erhalten keine Nachrichten des BIN mehr. Zur erneuten Anmeldung wenden Sie sich an Ihren BIN-Koordinator.",
        "en" => "Police Lommel - BIN: you will no longer receive BIN messages. To join again, contact your BIN coordinator.",
        _ => "Politie Lommel - BIN: u ontvangt geen berichten van het BIN meer. Opnieuw inschrijven kan via uw BIN-coordinator.",
    };
}
