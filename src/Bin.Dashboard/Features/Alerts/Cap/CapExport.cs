using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Alerts.Cap;

/// <summary>Loads alerts with their incidents and network boundaries and turns them into CAP documents and the Atom feed.</summary>
public sealed class CapExport(IDocumentStore store, IOptions<CapOptions> options, IOptions<ZoneOptions> zone)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The alert's CAP document, or null when there is no such alert or <paramref name="scope"/> may not see it.</summary>
    public async Task<XDocument?> DocumentAsync(Guid alertId, NetworkScope scope, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var alert = await session.LoadAsync<AlertView>(alertId, ct);
        if (alert is null || !scope.MaySeeAny(alert.NetworkIds)) return null;
        var source = (await SourcesAsync(session, [alert], ct)).Single();
        return new XDocument(new XDeclaration("1.0", "utf-8", null), CapDocument.Build(source, options.Value, zone.Value.Name));
    }

    /// <summary>The newest alerts as an Atom feed, each entry carrying its CAP document and linking to it.</summary>
    public async Task<XDocument> FeedAsync(string baseUrl, NetworkScope scope, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var alerts = (await session.Query<AlertView>().OrderByDescending(a => a.IssuedAt).Take(options.Value.FeedSize).ToListAsync(ct))
            .Where(a => scope.MaySeeAny(a.NetworkIds)).ToList();
        var sources = await SourcesAsync(session, alerts, ct);
        var self = $"{baseUrl}/api/cap/feed";
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", self),
            new XElement(Atom + "title", $"{zone.Value.Name} – BIN alerts (CAP 1.2)"),
            new XElement(Atom + "updated", AtomTime(alerts.Count > 0 ? alerts[0].IssuedAt : DateTimeOffset.UnixEpoch)),
            new XElement(Atom + "author", new XElement(Atom + "name", zone.Value.Name)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
            sources.Select(s =>
            {
                var cap = CapDocument.Build(s, options.Value, zone.Value.Name);
                var headline = cap.Elements(CapDocument.Namespace + "info").First().Element(CapDocument.Namespace + "headline")!.Value;
                return new XElement(Atom + "entry",
                    new XElement(Atom + "id", CapDocument.Identifier(s.Alert.Id)),
                    new XElement(Atom + "title", headline),
                    new XElement(Atom + "updated", AtomTime(s.Alert.IssuedAt)),
                    new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", CapDocument.ContentType),
                        new XAttribute("href", $"{baseUrl}/api/alerts/{s.Alert.Id}/cap")),
                    new XElement(Atom + "content", new XAttribute("type", CapDocument.ContentType), cap));
            }));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    /// <summary>Whether the request carries one of the configured feed tokens (compared in constant time).</summary>
    public bool HasFeedToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        var match = false;
        foreach (var token in options.Value.FeedTokens)
            match |= CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        return match;
    }

    private static async Task<IReadOnlyList<CapSource>> SourcesAsync(IQuerySession session, IReadOnlyList<AlertView> alerts, CancellationToken ct)
    {
        if (alerts.Count == 0) return [];
        var incidents = (await session.LoadManyAsync<IncidentView>(ct, alerts.Select(a => a.IncidentId).Distinct())).ToDictionary(i => i.Id);
        var networks = (await session.LoadManyAsync<NetworkView>(ct, alerts.SelectMany(a => a.NetworkIds).Distinct())).ToDictionary(n => n.Id);
        return alerts.Select(a =>
        {
            var incident = incidents.GetValueOrDefault(a.IncidentId);
            var areas = a.NetworkIds.Select(networks.GetValueOrDefault).OfType<NetworkView>().Select(n => new CapArea(n.Name, n.Boundary)).ToList();
            return new CapSource(a, incident?.Category ?? "other", incident?.VerifiedAt, areas);
        }).ToList();
    }

    private static string AtomTime(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
