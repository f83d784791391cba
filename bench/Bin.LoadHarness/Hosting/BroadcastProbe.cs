using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Infrastructure.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.LoadHarness.Hosting;

/// <summary>
/// An experiment for the screens scenario (<c>--console broadcast-probe</c>), not the product: what the console's live
/// path would cost the dashboard if each change reached the open pages as one message, serialised once per node and
/// written to every page as a server-sent event, and the page drew it itself; instead of a Blazor render and its
/// acknowledgement per circuit. It takes the same node-wide map state (<see cref="MapLiveState"/>) as the maps do, so
/// the reads per event are the product's; per change it serialises the incidents that came or changed, those that
/// went, and the whole zone's badges when they changed, once, and writes that message to each open page.
/// Left out, as a real one would need them only per connection or per minute, not per change: signing in on the
/// stream (its pages sign in first, as dispatchers, but the stream does not check the cookie), re-checking the
/// session, one language per user (the badges are made in the node's default language), a coordinator's filter.
/// Its page (<see cref="Page"/>) keeps a board of rows and a field of markers in the DOM, and nothing more: no map.
/// </summary>
internal sealed class BroadcastProbe(MapLiveState state) : IStartupFilter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly NetworkScope WholeZone = new(true, new HashSet<Guid>());

    private readonly Lock _gate = new();
    private readonly List<Channel<byte[]>> _pages = [];
    private MapSnapshot _last = MapSnapshot.Empty;
    private string _lastBadges = "";
    private int _subscribed;

    /// <summary>Serves the probe's page and stream in front of the dashboard's own endpoints.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<BroadcastProbe>().AddTransient<IStartupFilter>(sp => sp.GetRequiredService<BroadcastProbe>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/probe/console", page => page.Run(http =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync(Page, http.RequestAborted);
        }));
        app.Map("/probe/live", live => live.Run(ServeLiveAsync));
        next(app);
    };

    private async Task ServeLiveAsync(HttpContext http)
    {
        var page = Channel.CreateUnbounded<byte[]>(new() { SingleReader = true, SingleWriter = true });
        // Joined before the snapshot is read: a change in between arrives twice, and the page keys its rows by id.
        lock (_gate) _pages.Add(page);
        try
        {
            var snapshot = await state.CurrentAsync(http.RequestAborted);
            if (Interlocked.Exchange(ref _subscribed, 1) == 0)
            {
                lock (_gate) _last = snapshot;
                state.Changed += OnChanged;
            }
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.Body.WriteAsync(Message(snapshot.Incidents, [], snapshot.BadgesFor(WholeZone).Texts), http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            await foreach (var message in page.Reader.ReadAllAsync(http.RequestAborted))
            {
                await http.Response.Body.WriteAsync(message, http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The page went away.
        }
        finally
        {
            lock (_gate) _pages.Remove(page);
        }
    }

    /// <summary>On the map state's worker: one message for every page.</summary>
    private void OnChanged(MapSnapshot snapshot)
    {
        byte[] message;
        Channel<byte[]>[] pages;
        lock (_gate)
        {
            var before = _last.Incidents.ToHashSet(ReferenceEqualityComparer.Instance);
            var came = snapshot.Incidents.Where(i => !before.Contains(i)).ToList();
            var open = snapshot.IncidentIds;
            var went = _last.Incidents.Where(i => !open.Contains(i.Id)).Select(i => i.Id).ToList();
            var badges = snapshot.BadgesFor(WholeZone).Texts;
            var badgesJson = JsonSerializer.Serialize(badges, Json);
            var badgesChanged = badgesJson != _lastBadges;
            _last = snapshot;
            _lastBadges = badgesJson;
            if (came.Count == 0 && went.Count == 0 && !badgesChanged) return;
            message = Message(came, went, badgesChanged ? badges : null);
            pages = [.. _pages];
        }
        foreach (var page in pages) page.Writer.TryWrite(message);
    }

    private static byte[] Message(IReadOnlyList<IncidentView> came, IReadOnlyList<Guid> went, IReadOnlyDictionary<Guid, string>? badges) =>
        Encoding.UTF8.GetBytes("data: " + JsonSerializer.Serialize(new
        {
            incidents = came.Select(i => new { i.Id, i.Category, i.Description, i.NetworkIds, Status = i.Status.ToString(), i.ReportedAt, i.Latitude, i.Longitude }),
            went,
            badges,
        }, Json) + "\n\n");

    /// <summary>The page: rows newest first and a marker per incident, drawn from the stream; data-live=up once it is open.</summary>
    private const string Page = """
        <!doctype html>
        <html lang="nl"><head><meta charset="utf-8"><title>Broadcast probe</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 1fr 420px; height: 100vh; }
          #field { position: relative; background: #eef2f6; overflow: hidden; }
          #field i { position: absolute; width: 24px; height: 24px; margin: -12px; border-radius: 50%; background: #0066b3; border: 2px solid #fff; }
          #board { list-style: none; margin: 0; padding: .5rem; overflow: auto; }
          #board li { padding: .4rem; border-bottom: 1px solid #ccd; }
          #badges span { margin-right: .5rem; }
        </style></head>
        <body><div id="field"></div><aside><p id="badges"></p><ol id="board"></ol></aside>
        <script>
          const board = document.getElementById('board'), field = document.getElementById('field'), badges = document.getElementById('badges');
          const rows = new Map();
          const source = new EventSource('/probe/live');
          source.onopen = () => document.body.dataset.live = 'up';
          source.onmessage = e => {
            const m = JSON.parse(e.data);
            for (const i of m.incidents) {
              rows.get(i.id)?.forEach(n => n.remove());
              const row = document.createElement('li');
              row.dataset.incident = i.id;
              row.textContent = `${i.category} · ${i.status} · ${i.description}`;
              const marker = document.createElement('i');
              marker.style.left = `${(i.longitude - 5.2) * 2000}px`;
              marker.style.top = `${(51.3 - i.latitude) * 3000}px`;
              const after = [...board.children].find(r => r.dataset.reportedAt < i.reportedAt);
              row.dataset.reportedAt = i.reportedAt;
              board.insertBefore(row, after ?? null);
              field.append(marker);
              rows.set(i.id, [row, marker]);
            }
            for (const id of m.went) { rows.get(id)?.forEach(n => n.remove()); rows.delete(id); }
            if (m.badges) badges.replaceChildren(...Object.entries(m.badges).map(([id, text]) => Object.assign(document.createElement('span'), { textContent: text })));
          };
        </script></body></html>
        """;
}
