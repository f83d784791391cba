using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Sms;
using Bin.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>
/// A sender killed mid-send: the provider (think Twilio) accepted some messages whose answer the dead node never
/// recorded. A new node must send every message exactly once: nothing lost, nothing accepted sent again.
/// </summary>
public class SenderCrashTests
{
    /// <summary>The remote provider: what it accepted survives the crash of our process.</summary>
    private sealed class Provider
    {
        public ConcurrentDictionary<Guid, int> Accepted { get; } = new();
        public ConcurrentDictionary<Guid, string> Sids { get; } = new();

        public string Accept(OutboundSms sms)
        {
            Accepted.AddOrUpdate(sms.MessageId, 1, (_, n) => n + 1);
            return Sids.GetOrAdd(sms.MessageId, _ => "SM" + Guid.NewGuid().ToString("N"));
        }
    }

    /// <summary>Accepts <paramref name="answerFirst"/> messages, then lets the provider take messages but never
    /// answers (the process "dies" between the provider's acceptance and our record of it).</summary>
    private sealed class DyingGateway(Provider provider, int answerFirst) : ISmsGateway
    {
        private int _calls;
        public string Name => "dying";

        public async Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct)
        {
            var sid = provider.Accept(sms);
            if (Interlocked.Increment(ref _calls) <= answerFirst) return SendResult.Accepted(sid);
            await Task.Delay(Timeout.Infinite, ct);
            throw new OperationCanceledException(ct);
        }

        public Task<string?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, CancellationToken ct) =>
            Task.FromResult(provider.Sids.TryGetValue(sms.MessageId, out var sid) ? sid : null);
    }

    private sealed class HealthyGateway(Provider provider) : ISmsGateway
    {
        public string Name => "healthy";
        public Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct) => Task.FromResult(SendResult.Accepted(provider.Accept(sms)));
        public Task<string?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, CancellationToken ct) =>
            Task.FromResult(provider.Sids.TryGetValue(sms.MessageId, out var sid) ? sid : null);
    }

    private static Dictionary<string, string?> Settings => new()
    {
        ["Alerts:ClaimTimeout"] = "00:00:05",
        ["Alerts:SendParallelism"] = "4",
        ["Alerts:SendBatchSize"] = "20",
    };

    [Fact]
    public async Task A_sender_killed_mid_send_loses_nothing_and_resends_nothing_the_provider_accepted()
    {
        var provider = new Provider();
        var database = await TestPostgres.CreateDatabaseAsync();
        Guid alertId;
        int recipients;
        await using (var dying = new BinAppFactory(database, Settings, s => s.AddSingleton<ISmsGateway>(new DyingGateway(provider, answerFirst: 30))))
        {
            dying.StartServer();
            var officer = await dying.ClientForAsync("officer");
            var incident = (await (await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "theft", description = "x" }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var issued = await (await officer.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = new[] { NetworkSeed.KerkpleinId }, tipTemplateId = "theft-bike" }))
                .Content.ReadFromJsonAsync<JsonElement>();
            alertId = issued.GetProperty("alertId").GetGuid();
            recipients = issued.GetProperty("recipients").GetInt32();
            await Eventually.HoldsAsync(() => Task.FromResult(provider.Accepted.Count >= 34), TimeSpan.FromSeconds(15),
                "the first node should have handed over some messages before dying");
        }
        Assert.True(provider.Accepted.Count < recipients, "the first node should have died before sending everything");

        await using var restarted = new BinAppFactory(database, Settings, s => s.AddSingleton<ISmsGateway>(new HealthyGateway(provider)));
        restarted.StartServer();
        var progressReader = restarted.Service<AlertProgressReader>();
        IReadOnlyList<NetworkProgress> progress = [];
        await Eventually.WithinAsync(async () => (progress = await progressReader.PerNetworkAsync([alertId], default)).Sum(p => p.Sent) >= recipients, TimeSpan.FromSeconds(40));

        Assert.Equal(recipients, progress.Sum(p => p.Sent));
        Assert.Equal(recipients, provider.Accepted.Count);
        Assert.All(provider.Accepted, a => Assert.Equal(1, a.Value));
    }
}
