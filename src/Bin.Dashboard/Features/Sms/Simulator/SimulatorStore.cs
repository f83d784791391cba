using System.Collections.Concurrent;
using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Sms.Simulator;

/// <summary>
/// Where the simulator keeps its messages. Recording is a non-blocking enqueue: a background writer stores them in
/// batches (one Marten transaction per few hundred), because an alert to 10,000 members must not cost one insert per
/// message on the sending path. Until a message is stored it stays in <see cref="_pending"/>, and every query here
/// consults that too. After each batch, <see cref="Changed"/> names the phones whose conversation moved.
/// </summary>
public sealed class SimulatorStore(
    IDocumentStore store,
    IOptions<SmsOptions> options,
    ILogger<SimulatorStore> logger) : BackgroundService
{
    public const int BatchSize = 500;
    private const int PreviewLength = 80;

    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, SimulatedSms> _pending = new();

    /// <summary>Numbers of erased members: a status change the simulator reports after the erasure is not stored again.</summary>
    private readonly ConcurrentDictionary<string, byte> _erased = new();

    private sealed record Write(SimulatedSms Message, bool IsNew);

    /// <summary>Raised on the writer's thread after a batch is stored, with the phones concerned. Subscribers must not block.</summary>
    public event Action<IReadOnlySet<string>>? Changed { add => _changed.Add(value); remove => _changed.Remove(value); }

    // Raised on the writer's thread; each handler runs in its subscriber's context (a circuit's culture).
    private readonly Bin.Dashboard.Infrastructure.Localization.SubscriberContextEvent<Action<IReadOnlySet<string>>> _changed = new();

    /// <summary>Queues a new message, or a new version of one (status change). Never blocks.</summary>
    public void Record(SimulatedSms message, bool isNew)
    {
        if (_erased.ContainsKey(message.Phone)) return;
        _pending[message.Id] = message;
        _queue.Writer.TryWrite(new Write(message, isNew));
    }

    /// <summary>Drops what this node still holds for <paramref name="phone"/> and refuses it from now on; the stored
    /// messages are deleted by the erasure itself (Privacy.PersonalDataEraser).</summary>
    public void Forget(string phone)
    {
        _erased[phone] = 0;
        foreach (var pending in _pending.Values.Where(m => m.Phone == phone))
            _pending.TryRemove(pending.Id, out _);
    }

    /// <summary>Messages newest first, optionally only those to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<SimulatedSms>> RecentAsync(string? to, int limit, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        IQueryable<SimulatedSms> query = session.Query<SimulatedSms>();
        if (!string.IsNullOrWhiteSpace(to)) query = query.Where(m => m.To == to);
        var stored = await query.OrderByDescending(m => m.At).Take(limit).ToListAsync(ct);
        return Merge(stored, m => string.IsNullOrWhiteSpace(to) || m.To == to, limit);
    }

    /// <summary>The conversation with one phone, oldest first (the latest <paramref name="limit"/> messages).</summary>
    public async Task<IReadOnlyList<SimulatedSms>> ConversationAsync(string phone, int limit, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var stored = await session.Query<SimulatedSms>().Where(m => m.Phone == phone).OrderByDescending(m => m.At).Take(limit).ToListAsync(ct);
        return Merge(stored, m => m.Phone == phone, limit).Reverse().ToList();
    }

    /// <summary>Phones the simulator exchanged messages with, most recent first; <paramref name="search"/> matches digits anywhere in the number.</summary>
    public async Task<IReadOnlyList<SimulatedPhone>> PhonesAsync(string? search, int limit, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        IQueryable<SimulatedPhone> query = session.Query<SimulatedPhone>();
        var digits = new string((search ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0) query = query.Where(p => p.Id.Contains(digits));
        return await query.OrderByDescending(p => p.LastAt).Take(limit).ToListAsync(ct);
    }

    /// <summary>The SID under which the simulator accepted outbox message <paramref name="messageId"/>, or null.</summary>
    public async Task<string?> FindSidAsync(Guid messageId, CancellationToken ct)
    {
        var pending = _pending.Values.FirstOrDefault(m => m.MessageId == messageId && m.Direction == SmsDirection.Outbound);
        if (pending is not null) return pending.Sid;
        await using var session = store.QuerySession();
        var stored = await session.Query<SimulatedSms>().Where(m => m.MessageId == messageId).OrderBy(m => m.At).FirstOrDefaultAsync(ct);
        return stored?.Sid;
    }

    private IReadOnlyList<SimulatedSms> Merge(IReadOnlyList<SimulatedSms> stored, Func<SimulatedSms, bool> filter, int limit)
    {
        if (_pending.IsEmpty) return stored;
        var byId = stored.ToDictionary(m => m.Id);
        foreach (var pending in _pending.Values.Where(filter))
            byId[pending.Id] = pending; // the pending version is the newer one
        return byId.Values.OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(limit).ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesSimulator) return;
        var batch = new List<Write>(BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var write)) batch.Add(write);
                await SaveWithRetryAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: store what is still queued, once, without retrying.
            while (_queue.Reader.TryRead(out var write)) batch.Add(write);
            if (batch.Count > 0) await TrySaveAsync(batch, CancellationToken.None);
        }
    }

    private async Task SaveWithRetryAsync(List<Write> batch, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!await TrySaveAsync(batch, ct))
        {
            // The database is away: keep the batch (it stays visible from _pending) and try again.
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    private async Task<bool> TrySaveAsync(List<Write> batch, CancellationToken ct)
    {
        try
        {
            await using (var session = store.LightweightSession())
            {
                // A message may appear twice in a batch (queued, then delivered): the later version wins.
                var latest = new Dictionary<Guid, SimulatedSms>();
                foreach (var write in batch.Where(w => !_erased.ContainsKey(w.Message.Phone))) latest[write.Message.Id] = write.Message;
                session.Store(latest.Values.ToArray());
                var phones = batch.Where(w => w.IsNew && !_erased.ContainsKey(w.Message.Phone))
                    .GroupBy(w => w.Message.Phone)
                    .Select(g => g.Select(w => w.Message).MaxBy(m => m.At)!)
                    .Select(m => new SimulatedPhone { Id = m.Phone, LastAt = m.At, LastBody = Preview(m.Body), LastDirection = m.Direction })
                    .ToArray();
                if (phones.Length > 0) session.Store(phones);
                await session.SaveChangesAsync(ct);
            }

            foreach (var write in batch)
                _pending.TryRemove(new KeyValuePair<Guid, SimulatedSms>(write.Message.Id, write.Message));
            Notify(batch.Select(w => w.Message.Phone).ToHashSet());
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "SMS simulator could not store {Count} messages; retrying", batch.Count);
            return false;
        }
    }

    private void Notify(IReadOnlySet<string> phones)
    {
        // One broken subscriber (a closed circuit) must not keep the others uninformed.
        _changed.Raise(h => h(phones), ex => logger.LogWarning(ex, "A subscriber to the SMS simulator failed"));
    }

    private static string Preview(string body) => body.Length <= PreviewLength ? body : body[..(PreviewLength - 1)] + "…";
}
