using System.Globalization;
using Bin.Dashboard.Components;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Dashboard.Infrastructure.Localization;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bin.Dashboard.Tests.Localization;

/// <summary>
/// What renders on a live update renders in the user's language: callbacks that reach a circuit from a background
/// thread (the event tail, the simulator) run in the culture of whoever subscribed, and every inbound activity of a
/// circuit runs in the culture of the request that opened it, whatever the thread that carries it.
/// </summary>
public class CultureFlowTests : BunitContext
{
    private readonly LiveFeed _feed = new(NullLogger<LiveFeed>.Instance);

    public CultureFlowTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-BE");
        Services.AddSingleton(_feed);
    }

    /// <summary>Runs <paramref name="action"/> on a pool thread that inherits nothing and speaks the server's Dutch.</summary>
    private static Task OnAnotherThread(Action action)
    {
        using (ExecutionContext.SuppressFlow())
            return Task.Run(() =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
                action();
            });
    }

    [Fact]
    public async Task A_status_change_raised_on_the_tail_s_thread_renders_in_the_subscriber_s_language()
    {
        _feed.SetStatus(new FeedStatus(true, 1, DateTimeOffset.UtcNow, null));
        var cut = Render<LiveStatus>();
        Assert.Contains("En direct", cut.Markup);

        await OnAnotherThread(() => _feed.SetStatus(new FeedStatus(false, 0, null, "PostgreSQL is away")));

        cut.WaitForAssertion(() => Assert.Contains("Pas de connexion à la base de données", cut.Markup));
        Assert.DoesNotContain("Geen verbinding", cut.Markup);
    }

    [Fact]
    public async Task Live_feed_handlers_run_in_the_culture_they_subscribed_in()
    {
        var seen = new List<string>();
        var outbox = new TaskCompletionSource();
        var batch = new TaskCompletionSource();
        _feed.ProgressChanged += _ => { lock (seen) seen.Add("outbox " + CultureInfo.CurrentUICulture.Name); outbox.TrySetResult(); };
        using var subscription = _feed.Subscribe(_ => { lock (seen) seen.Add("events " + CultureInfo.CurrentUICulture.Name); batch.TrySetResult(); return Task.CompletedTask; });

        await OnAnotherThread(() =>
        {
            _feed.RaiseProgressChanged(null);
            _feed.Publish([new LiveEvent(1, "incident-reported", Guid.NewGuid(), DateTimeOffset.UtcNow, [], new object())]);
        });
        await Task.WhenAll(outbox.Task, batch.Task).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["events fr-BE", "outbox fr-BE"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_circuit_s_inbound_activity_runs_in_the_culture_of_the_request_that_opened_it()
    {
        var request = new DefaultHttpContext();
        request.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture("en"), provider: null));
        var handler = new CircuitCultureHandler(new HttpContextAccessor { HttpContext = request });
        string? culture = null;
        var activity = handler.CreateInboundActivityHandler(_ => { culture = CultureInfo.CurrentUICulture.Name; return Task.CompletedTask; });

        Task? ran = null;
        await OnAnotherThread(() => ran = activity(null!));
        await ran!;

        Assert.Equal("en", culture);
    }
}
