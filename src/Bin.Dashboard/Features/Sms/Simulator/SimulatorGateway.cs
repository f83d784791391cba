using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Sms.Simulator;

/// <summary>The answer to a reply typed on the phones page.</summary>
public sealed record ReplyResult(bool Sent, string? Problem)
{
    public static readonly ReplyResult Ok = new(true, null);

    public static ReplyResult Refused(string problem) => new(false, problem);
}

/// <summary>
/// The embedded SMS gateway (the default, <c>Sms:Gateway=simulator</c>). It accepts every message at once, records it,
/// and shortly afterwards (<c>Sms:Simulator:DeliveryDelay</c>) reports it delivered through the same signed
/// <c>/sms/status</c> path Twilio's callbacks take. Replies typed on the phones page enter through the same signed
/// <c>/sms/inbound</c> path as a member's real SMS.
/// <para>Demo conventions: a number ending in <b>99</b> is unreachable — accepted, then reported <c>failed</c> with
/// Twilio's error 30003 (unreachable destination handset) — so the dashboard shows failures. A number not in
/// E.164 form is refused at once with Twilio's error 21211, as Twilio would.</para>
/// </summary>
public sealed class SimulatorGateway(
    SimulatorStore store,
    SmsWebhook webhook,
    IOptions<SmsOptions> options,
    TimeProvider clock,
    ILogger<SimulatorGateway> logger) : BackgroundService, ISmsGateway
{
    public const string UnreachableSuffix = "99";
    public const string UnreachableErrorCode = "30003";
    public const string UnreachableErrorMessage = "Unreachable destination handset";

    /// <summary>Used in simulated forms when no Twilio account is configured.</summary>
    public const string PlaceholderAccountSid = "AC00000000000000000000000000000000";

    private const int ReportsInParallel = 8;
    private const int ReportBatch = 256;

    private readonly Channel<Scheduled> _deliveries = Channel.CreateUnbounded<Scheduled>();
    private int _warnedUnsigned;

    private sealed record Scheduled(SimulatedSms Message, DateTimeOffset Due);

    public string Name => "simulator";

    /// <summary>The simulator's own (fictitious) number: sender of what it carries, recipient of replies.</summary>
    public string Number => options.Value.Simulator.Number;

    public bool IsActive => options.Value.UsesSimulator;

    /// <summary>Why replies cannot be sent (no auth token or public URL to sign with), or null.</summary>
    public string? ReplyProblem => webhook.Problem;

    public Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct)
    {
        if (!SmsOptions.E164().IsMatch(sms.To))
            return Task.FromResult(new SendResult(SendOutcome.Permanent, null, $"Twilio 21211: The 'To' number {sms.To} is not a valid phone number."));

        var now = clock.GetUtcNow();
        var message = new SimulatedSms
        {
            Id = Guid.CreateVersion7(now),
            Direction = SmsDirection.Outbound,
            Sid = SmsWebhook.NewMessageSid(),
            MessageId = sms.MessageId,
            Phone = sms.To,
            To = sms.To,
            From = Number,
            Body = sms.Body,
            At = now,
            Status = "queued",
        };
        store.Record(message, isNew: true);
        _deliveries.Writer.TryWrite(new Scheduled(message, now + options.Value.Simulator.DeliveryDelay));
        return Task.FromResult(SendResult.Accepted(message.Sid));
    }

    public Task<string?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, CancellationToken ct) =>
        store.FindSidAsync(sms.MessageId, ct);

    /// <summary>
    /// A member's reply from the phones page: a Twilio-shaped form, signed with the configured auth token and public
    /// URL, handed to <see cref="SmsWebhook"/> exactly as POST /sms/inbound would. Recorded once the handler took it.
    /// </summary>
    public async Task<ReplyResult> ReplyAsync(string from, string body, CancellationToken ct)
    {
        if (!IsActive) return ReplyResult.Refused("The SMS simulator is not the active gateway.");
        if (string.IsNullOrWhiteSpace(body)) return ReplyResult.Refused("Type a message first.");

        var sid = SmsWebhook.NewMessageSid();
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["SmsSid"] = sid,
            ["SmsMessageSid"] = sid,
            ["AccountSid"] = AccountSid,
            ["From"] = from,
            ["To"] = Number,
            ["Body"] = body,
            ["NumMedia"] = "0",
            ["NumSegments"] = Bin.Domain.Sms.SmsEncoding.Analyze(body).Segments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SmsStatus"] = "received",
            ["ApiVersion"] = "2010-04-01",
        };
        var signature = webhook.Sign(SmsWebhook.InboundPath, form);
        if (signature is null) return ReplyResult.Refused($"Replies are disabled: {webhook.Problem}.");

        var result = await webhook.HandleInboundAsync(SmsWebhook.InboundPath, form, signature, ct);
        if (result.Outcome != WebhookOutcome.Handled) return ReplyResult.Refused(result.Detail ?? "The reply was refused.");

        var now = clock.GetUtcNow();
        store.Record(new SimulatedSms
        {
            Id = Guid.CreateVersion7(now),
            Direction = SmsDirection.Inbound,
            Sid = sid,
            Phone = from,
            To = Number,
            From = from,
            Body = body,
            At = now,
            Status = "received",
        }, isNew: true);
        return ReplyResult.Ok;
    }

    private string AccountSid => string.IsNullOrWhiteSpace(options.Value.Twilio.AccountSid) ? PlaceholderAccountSid : options.Value.Twilio.AccountSid;

    /// <summary>Reports deliveries when they fall due, a few in parallel (an alert to thousands must not trickle).</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsActive) return;
        var due = new List<SimulatedSms>(ReportBatch);
        try
        {
            while (await _deliveries.Reader.WaitToReadAsync(stoppingToken))
            {
                // Due times only grow (same delay for all), so the head of the queue is the next one due.
                if (_deliveries.Reader.TryPeek(out var head) && head.Due - clock.GetUtcNow() is { Ticks: > 0 } wait)
                    await Task.Delay(wait, clock, stoppingToken);
                var now = clock.GetUtcNow();
                while (due.Count < ReportBatch && _deliveries.Reader.TryPeek(out var next) && next.Due <= now && _deliveries.Reader.TryRead(out next))
                    due.Add(next.Message);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = ReportsInParallel, CancellationToken = stoppingToken },
                    async (message, ct) => await ReportAsync(message, ct));
                due.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: undelivered reports are dropped, as a phone switched off would leave them.
        }
    }

    private async Task ReportAsync(SimulatedSms message, CancellationToken ct)
    {
        var unreachable = message.To.EndsWith(UnreachableSuffix, StringComparison.Ordinal);
        var status = unreachable ? "failed" : "delivered";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = message.Sid,
            ["SmsSid"] = message.Sid,
            ["MessageStatus"] = status,
            ["SmsStatus"] = status,
            ["AccountSid"] = AccountSid,
            ["From"] = message.From,
            ["To"] = message.To,
            ["ApiVersion"] = "2010-04-01",
        };
        if (unreachable)
        {
            form["ErrorCode"] = UnreachableErrorCode;
            form["ErrorMessage"] = UnreachableErrorMessage;
        }
        var path = message.MessageId is { } id ? SmsWebhook.StatusPathAndQuery(id) : SmsWebhook.StatusPath;

        try
        {
            if (webhook.Sign(path, form) is { } signature)
            {
                var result = await webhook.HandleStatusAsync(path, form, signature, ct);
                if (result.Outcome != WebhookOutcome.Handled)
                    logger.LogWarning("SMS simulator: status of {Sid} refused: {Detail}", message.Sid, result.Detail);
            }
            else if (Interlocked.Exchange(ref _warnedUnsigned, 1) == 0)
            {
                logger.LogWarning("SMS simulator: delivery reports are not passed on because {Problem}", webhook.Problem);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "SMS simulator: the status handler failed for {Sid}", message.Sid);
        }

        store.Record(message with
        {
            Status = status,
            ErrorCode = unreachable ? UnreachableErrorCode : null,
            StatusAt = clock.GetUtcNow(),
        }, isNew: false);
    }
}
