using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Dashboard.Features.Sms.Simulator;
using Bin.Dashboard.Infrastructure.EventStore;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Privacy;

/// <summary>
/// Everything an erasure removes besides the contact record, in one place so nothing is forgotten (docs/privacy.md
/// lists the same places). <see cref="QueueErasure"/> joins the transaction that records <c>MemberErased</c>;
/// <see cref="MaskEventsAsync"/> runs right after it, because Marten's masking writes in its own transaction. Both are
/// idempotent: erasing again repeats them, so an erasure interrupted between the two is completed by the next one.
/// </summary>
public sealed class PersonalDataEraser(IDocumentStore store, SimulatorStore simulator, IOptions<EventStoreOptions> eventStore)
{
    private string Schema => eventStore.Value.Schema;

    /// <summary>Queues the deletion of every copy of <paramref name="phone"/> and of the member's reply texts.</summary>
    public void QueueErasure(IDocumentSession session, Guid memberId, string? phone)
    {
        // The outbox keeps status and segments for the evaluation; the number and the text go.
        session.QueueSqlCommand($"UPDATE {Schema}.bin_outbox SET phone = NULL, body = '' WHERE member_id = ?", memberId);
        // The replay timeline copied the reply texts out of the member's events.
        session.QueueSqlCommand($"""
            UPDATE {Schema}.{TimelineTable.Name} t SET detail = NULL
            FROM {Schema}.mt_events e
            WHERE e.id = t.event_id AND e.stream_id = ? AND t.kind = '{TimelineKinds.ReplyReceived}' AND t.detail IS NOT NULL
            """, memberId);
        if (phone is null) return;
        // Received but not yet recorded SMS from the number: recording them now would make a reply of an erased member.
        session.QueueSqlCommand($"DELETE FROM {Schema}.bin_inbound WHERE from_number = ?", phone);
        simulator.Forget(phone);
        session.DeleteWhere<SimulatedSms>(m => m.Phone == phone);
        session.Delete<SimulatedPhone>(phone);
        session.DeleteWhere<JoinApplication>(a => a.Phone == phone);
    }

    /// <summary>Masks the personal data in the member's events (the texts of their replies, see
    /// <see cref="PrivacyRegistration"/>), with Marten's event data masking.</summary>
    public Task MaskEventsAsync(Guid memberId, CancellationToken ct) =>
        store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(memberId), ct);
}
