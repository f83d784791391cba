using System.Threading.RateLimiting;
using Bin.Dashboard.Features.Sms;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>
/// Hands queued messages to the gateway, on every node. A message is claimed (committed as 'sending') before it
/// is handed over and its answer is recorded after; a node that dies in between leaves it 'sending', and the
/// recovery asks the gateway whether it took the message before sending it again — so a crash loses nothing
/// and never resends what the gateway accepted.
/// </summary>
internal sealed class OutboxSender(
    OutboxDispatch outbox,
    OutboxSignal signal,
    ISmsGateway gateway,
    IOptions<AlertOptions> options,
    IOptions<SmsOptions> sms,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    /// <summary>
    /// Idle, the sender waits for <see cref="OutboxSignal"/>: woken in-process, or by PostgreSQL when any node queues a
    /// message (see AlertProgressTable.QueuedChannel). This is the last-resort look, and the wait before retries this node
    /// set is shorter; a retry another node set and then died with is found by this look.
    /// </summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);
    private DateTimeOffset _nextRecovery = DateTimeOffset.MinValue;
    private DateTimeOffset? _nextRetry;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var o = options.Value;
        var perSecond = sms.Value.MessagesPerSecond;
        using var limiter = perSecond > 0 ? CreateLimiter(perSecond) : null;
        // With a rate limit, claim only what can go out soon, so other nodes can take the rest.
        var batchSize = limiter is null ? o.SendBatchSize : Math.Clamp(perSecond * 2, 1, o.SendBatchSize);

        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RecoverInDoubtAsync(ct);
                var claimed = await outbox.ClaimAsync(batchSize, clock.GetUtcNow(), ct);
                if (claimed.Count == 0)
                {
                    await signal.WaitAsync(IdleTime(), ct);
                    continue;
                }
                var records = new OutboxDispatch.SendRecord[claimed.Count];
                await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = o.SendParallelism, CancellationToken = ct },
                    async (i, token) =>
                    {
                        if (limiter is not null) using (await limiter.AcquireAsync(1, token)) { }
                        records[i] = await SendOneAsync(claimed[i], token);
                    });
                await outbox.RecordSendsAsync(records, clock.GetUtcNow(), ct);
                foreach (var retry in records.Select(r => r.RetryAt).OfType<DateTimeOffset>())
                    if (_nextRetry is not { } next || retry < next) _nextRetry = retry;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Claimed rows stay 'sending' and are recovered; nothing is lost by waiting.
                logger.LogError(ex, "The SMS sender failed a round; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), clock, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// How long to wait for a signal: until this node's earliest retry is due, at most <see cref="IdleWait"/> and at most
    /// the claim timeout — nothing announces a node that died mid-send, so the survivors look again within that time.
    /// </summary>
    private TimeSpan IdleTime()
    {
        var longest = options.Value.ClaimTimeout < IdleWait ? options.Value.ClaimTimeout : IdleWait;
        if (_nextRetry is not { } retry) return longest;
        var untilRetry = retry - clock.GetUtcNow();
        if (untilRetry > TimeSpan.Zero) return untilRetry < longest ? untilRetry : longest;
        _nextRetry = null;
        return TimeSpan.Zero;
    }

    /// <summary>Smooth pacing: tokens refill every 100 ms or so, never a whole second's burst at once.</summary>
    private static TokenBucketRateLimiter CreateLimiter(int perSecond)
    {
        var perPeriod = Math.Max(1, (perSecond + 9) / 10);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)perPeriod / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private async Task<OutboxDispatch.SendRecord> SendOneAsync(ClaimedMessage message, CancellationToken ct)
    {
        using var activity = Infrastructure.Telemetry.BinTelemetry.Start("sms send", System.Diagnostics.ActivityKind.Producer)?.SetTag("bin.message_id", message.MessageId);
        SendResult result;
        try
        {
            result = await gateway.SendAsync(new OutboundSms(message.MessageId, message.Phone, message.Body), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Gateway {Gateway} threw for message {MessageId}", gateway.Name, message.MessageId);
            result = new SendResult(SendOutcome.Transient, null, ex.GetType().Name);
        }
        activity?.SetTag("bin.outcome", result.Outcome.ToString());
        var gatewayTag = new KeyValuePair<string, object?>("gateway", gateway.Name);
        if (result.Outcome == SendOutcome.Accepted) Infrastructure.Telemetry.BinTelemetry.SmsSent.Add(1, gatewayTag);
        else Infrastructure.Telemetry.BinTelemetry.SmsFailures.Add(1, gatewayTag, new("outcome", result.Outcome.ToString().ToLowerInvariant()));
        return Record(message, result);
    }

    private OutboxDispatch.SendRecord Record(ClaimedMessage message, SendResult result)
    {
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                return new(message.MessageId, MessageStatus.Sent, result.ProviderMessageId, null, null);
            case SendOutcome.Transient when message.Attempts < options.Value.MaxAttempts:
                var wait = Backoff[Math.Min(message.Attempts - 1, Backoff.Length - 1)];
                logger.LogInformation("Message {MessageId} will be retried in {Wait} (attempt {Attempt}): {Error}", message.MessageId, wait, message.Attempts, result.Error);
                return new(message.MessageId, MessageStatus.Queued, null, result.Error, clock.GetUtcNow() + wait);
            default:
                logger.LogWarning("Message {MessageId} failed after {Attempts} attempt(s): {Error}", message.MessageId, message.Attempts, result.Error);
                return new(message.MessageId, MessageStatus.Failed, null, result.Error, null);
        }
    }

    /// <summary>Messages left 'sending' by a dead sender: accepted ones are recorded as sent, the others queued again.</summary>
    private async Task RecoverInDoubtAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextRecovery) return;
        _nextRecovery = now + TimeSpan.FromSeconds(10);
        var inDoubt = await outbox.InDoubtAsync(now - options.Value.ClaimTimeout, 500, ct);
        if (inDoubt.Count == 0) return;
        var records = new List<OutboxDispatch.SendRecord>(inDoubt.Count);
        foreach (var message in inDoubt)
        {
            var sid = await gateway.FindAcceptedAsync(new OutboundSms(message.MessageId, message.Phone, message.Body), message.ClaimedAt.AddMinutes(-1), ct);
            records.Add(sid is not null
                ? new(message.MessageId, MessageStatus.Sent, sid, null, null)
                : new(message.MessageId, MessageStatus.Queued, null, "retried after an interrupted send", now));
        }
        await outbox.RecordSendsAsync(records, now, ct);
        logger.LogWarning("Recovered {Count} interrupted sends ({Accepted} had been accepted)", records.Count, records.Count(r => r.Status == MessageStatus.Sent));
    }
}
