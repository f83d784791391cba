using System.Collections.Immutable;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Bin.Domain.Geometry;

/// <summary>The boundary of one network (BIN) in WGS84: X is longitude, Y is latitude. Holes are allowed.</summary>
public sealed record NetworkBoundary(Guid NetworkId, Polygon Boundary);

/// <summary>A network and how far its polygon lies from a point, in metres (0 when the polygon covers it).</summary>
public sealed record NetworkDistance(Guid NetworkId, double DistanceMetres);

/// <summary>
/// The one place that decides which networks contain a point, or lie near it.
/// </summary>
/// <remarks>
/// <para>
/// A resolver is an immutable snapshot of all boundaries: each polygon is prepared once
/// (<see cref="PreparedGeometryFactory"/>, which indexes its segments) and all envelopes go into an
/// <see cref="STRtree{T}"/> that is built in the constructor. A lookup asks the tree for the few polygons whose
/// envelope holds the point and tests only those, so it costs microseconds among thousands of networks.
/// </para>
/// <para>
/// When a boundary changes, <see cref="With"/> and <see cref="Without"/> return a new snapshot (the prepared
/// polygons of unchanged networks are shared); a host keeps the current one in a field and swaps the reference.
/// </para>
/// <para>
/// Thread-safe: nothing changes after construction, the tree is built before the constructor returns, and NTS
/// prepared polygons are documented as thread-safe (their lazy indexes are created under a lock). Boundaries are
/// copied on the way in, so a caller changing its polygon afterwards cannot change the snapshot.
/// </para>
/// <para>
/// Polygons are expected to be valid (as <see cref="Networks.NetworkDecisions.EnsureValidBoundary"/> ensures);
/// results for an invalid polygon are whatever NTS makes of it.
/// </para>
/// </remarks>
public sealed partial class NetworkResolver
{
    private readonly ImmutableDictionary<Guid, Entry> _entries;
    private readonly STRtree<Entry> _index;

    /// <summary>Builds a snapshot of the given boundaries; each network id may appear once.</summary>
    /// <exception cref="ArgumentException">A boundary is empty or a network id appears twice.</exception>
    public NetworkResolver(IEnumerable<NetworkBoundary> boundaries)
        : this(CreateEntries(boundaries))
    {
    }

    private NetworkResolver(ImmutableDictionary<Guid, Entry> entries)
    {
        _entries = entries;
        _index = new STRtree<Entry>();
        foreach (var entry in entries.Values)
            _index.Insert(entry.Boundary.EnvelopeInternal, entry);
        // STRtree builds itself lazily on the first query; do it now so concurrent readers never race to build.
        _index.Build();
    }

    /// <summary>A resolver without networks: every point lies in none.</summary>
    public static NetworkResolver Empty { get; } = new(ImmutableDictionary<Guid, Entry>.Empty);

    /// <summary>The number of networks in this snapshot.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The networks whose polygon covers the point: inside it, or exactly on its boundary (shell or hole ring).
    /// A point inside a hole lies outside. Ordered by network id (<see cref="Guid.CompareTo(Guid)"/>), so the
    /// answer does not depend on the order in which boundaries were added.
    /// </summary>
    /// <exception cref="DomainException">The latitude ("lat") or longitude ("lon") is not a WGS84 coordinate.</exception>
    public IReadOnlyList<Guid> Containing(double latitude, double longitude)
    {
        Wgs84.EnsureValid(latitude, longitude);
        var coordinate = new Coordinate(longitude, latitude);
        var candidates = _index.Query(new Envelope(coordinate));
        if (candidates.Count == 0)
            return [];

        var containing = new List<Guid>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (candidate.Covers(coordinate))
                containing.Add(candidate.NetworkId);
        }
        containing.Sort();
        return containing;
    }

    /// <summary>
    /// The networks whose polygon lies within <paramref name="metres"/> of the point, nearest first (ties by
    /// network id); a network covering the point is at 0 m. Distances are measured in a local metric plane around
    /// the point (<see cref="LocalMetricProjection"/>), accurate to well under 1 % at neighbourhood distances.
    /// </summary>
    /// <exception cref="DomainException">The latitude ("lat") or longitude ("lon") is not a WGS84 coordinate, or
    /// the distance ("distance") is negative or not a finite number.</exception>
    public IReadOnlyList<NetworkDistance> Within(double latitude, double longitude, double metres)
    {
        Wgs84.EnsureValid(latitude, longitude);
        if (!double.IsFinite(metres) || metres < 0)
            throw new DomainException(DomainMessages.DistanceInvalid, "distance");

        var projection = new LocalMetricProjection(latitude, longitude);
        var candidates = _index.Query(projection.EnvelopeAround(metres));
        if (candidates.Count == 0)
            return [];

        var coordinate = new Coordinate(longitude, latitude);
        var near = new List<NetworkDistance>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var distance = candidate.Covers(coordinate) ? 0 : projection.DistanceToBoundaryMetres(candidate.Boundary);
            if (distance <= metres)
                near.Add(new NetworkDistance(candidate.NetworkId, distance));
        }
        near.Sort(static (a, b) =>
        {
            var byDistance = a.DistanceMetres.CompareTo(b.DistanceMetres);
            return byDistance != 0 ? byDistance : a.NetworkId.CompareTo(b.NetworkId);
        });
        return near;
    }

    /// <summary>A snapshot in which <paramref name="changed"/> is added, or replaces the network's old boundary.</summary>
    /// <exception cref="ArgumentException">The boundary is empty.</exception>
    public NetworkResolver With(NetworkBoundary changed) =>
        new(_entries.SetItem(changed.NetworkId, Entry.Prepare(changed)));

    /// <summary>A snapshot without the network; this same snapshot when the network is not in it.</summary>
    public NetworkResolver Without(Guid networkId) =>
        _entries.ContainsKey(networkId) ? new NetworkResolver(_entries.Remove(networkId)) : this;

    private static ImmutableDictionary<Guid, Entry> CreateEntries(IEnumerable<NetworkBoundary> boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        var entries = ImmutableDictionary.CreateBuilder<Guid, Entry>();
        foreach (var boundary in boundaries)
        {
            if (entries.ContainsKey(boundary.NetworkId))
                throw new ArgumentException($"Network {boundary.NetworkId} appears twice; a resolver holds one boundary per network.", nameof(boundaries));
            entries.Add(boundary.NetworkId, Entry.Prepare(boundary));
        }
        return entries.ToImmutable();
    }

    /// <summary>One network's own copy of its polygon and the prepared form used for point tests.</summary>
    private sealed class Entry
    {
        private readonly PreparedPolygon _prepared;

        private Entry(Guid networkId, Polygon boundary)
        {
            NetworkId = networkId;
            Boundary = boundary;
            // For a polygon the factory makes a PreparedPolygon, whose point locator indexes the rings' segments.
            _prepared = (PreparedPolygon)PreparedGeometryFactory.Prepare(boundary);
        }

        public Guid NetworkId { get; }
        public Polygon Boundary { get; }

        /// <summary>
        /// Whether the polygon covers the position: inside, or on its shell or a hole ring. For a single point this
        /// is exactly <c>IPreparedGeometry.Covers</c>, asked of the prepared polygon's indexed point locator
        /// directly; that skips building a Point and the general geometry predicate (side by side about a quarter
        /// faster per lookup, a third less garbage). The randomized test holds it to <c>Polygon.Covers</c> exactly.
        /// </summary>
        public bool Covers(Coordinate position) =>
            Boundary.EnvelopeInternal.Covers(position) && _prepared.PointLocator.Locate(position) != Location.Exterior;

        public static Entry Prepare(NetworkBoundary boundary)
        {
            ArgumentNullException.ThrowIfNull(boundary);
            ArgumentNullException.ThrowIfNull(boundary.Boundary, nameof(boundary.Boundary));
            if (boundary.Boundary.IsEmpty)
                throw new ArgumentException($"Network {boundary.NetworkId} has an empty boundary.", nameof(boundary));
            return new Entry(boundary.NetworkId, (Polygon)boundary.Boundary.Copy());
        }
    }
}
