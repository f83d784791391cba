using System.Text.Json;
using Bin.Dashboard.Infrastructure.Seeding;
using Bin.Domain.Networks;
using Marten;
using Marten.Exceptions;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Bin.Dashboard.Features.Networks;

/// <summary>
/// Registers Lommel's seven BINs from <c>Seed/lommel-networks.geojson</c> (indicative boundaries) through the
/// same decision as any registration. Idempotent: a network whose stream exists is left alone, so a restart,
/// or two nodes starting together, changes nothing.
/// </summary>
public static class NetworkSeed
{
    public const string SeedFile = "Seed/lommel-networks.geojson";

    /// <summary>The demo coordinator runs Kerkplein.</summary>
    public static readonly Guid KerkpleinId = Guid.Parse("0b5e3f2a-5371-4c01-9a01-000000000001");

    public static FeatureCollection Read(string path)
    {
        var json = new JsonSerializerOptions();
        json.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<FeatureCollection>(stream, json)
               ?? throw new InvalidOperationException($"{path} holds no FeatureCollection.");
    }

    public static async Task<int> SeedAsync(IDocumentStore store, string contentRoot, TimeProvider clock, CancellationToken ct)
    {
        var features = Read(Path.Combine(contentRoot, SeedFile));
        var registered = 0;
        foreach (var feature in features)
        {
            var id = Guid.Parse(feature.Attributes["id"].ToString()!);
            await using var session = store.LightweightSession();
            session.LastModifiedBy = SeedActor.Name;
            var state = await session.Events.FetchStreamStateAsync(id, ct);
            if (state is not null) continue;

            var command = new RegisterNetwork(id, feature.Attributes["name"].ToString()!, (Polygon)feature.Geometry,
                Enum.Parse<NetworkStatus>(feature.Attributes["status"].ToString()!), Indicative: true);
            session.Events.StartStream<NetworkView>(id, NetworkDecisions.Register(null, command, clock.GetUtcNow()));
            try
            {
                await session.SaveChangesAsync(ct);
                registered++;
            }
            catch (ExistingStreamIdCollisionException)
            {
                // Another node seeded it first.
            }
        }
        return registered;
    }
}
