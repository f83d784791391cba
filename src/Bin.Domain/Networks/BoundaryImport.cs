using Bin.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace Bin.Domain.Networks;

/// <summary>
/// One feature of an imported file, as read: its position in the file (1-based), the network it names (by id or
/// by name), its polygon in WGS84, or why no polygon could be read from it.
/// </summary>
public sealed record ImportFeature(
    int Number,
    Guid? NetworkId,
    string? Name,
    Polygon? Boundary,
    string? ReadProblem,
    NetworkStatus Status = NetworkStatus.Active,
    bool Indicative = false);

public enum ImportOutcome
{
    Registered,
    BoundaryChanged,
    Unchanged,
}

/// <summary>What importing one feature does; <see cref="Events"/> go on the network's stream (none when unchanged).</summary>
public sealed record PlannedImport(int Number, Guid NetworkId, string Name, ImportOutcome Outcome, IReadOnlyList<object> Events);

/// <summary>The outcome of planning an import: the changes, or the problems per feature number. All or nothing.</summary>
public sealed record ImportPlan(IReadOnlyList<PlannedImport> Changes, IReadOnlyDictionary<int, IReadOnlyList<string>> Problems)
{
    public bool Accepted => Problems.Count == 0;
}

/// <summary>
/// Decides an import of network boundaries as one batch. Each feature updates the network with its <c>id</c>, else
/// the one with its name (not dissolved), else registers a new network. Every boundary is checked against the zone
/// and against the boundaries the networks will have after the import (so two features of the same file may not
/// overlap either, and a network may move into space another one leaves). One problem anywhere rejects the lot.
/// </summary>
public static class BoundaryImport
{
    public const int MaxFeatures = 2_000;

    public static ImportPlan Plan(IReadOnlyList<ImportFeature> features, IReadOnlyList<Network> existing, ServiceArea zone, DateTimeOffset now, Func<Guid> newId)
    {
        // The report is read by whoever imports, now: its sentences are written in their language as they are found.
        var problems = new Dictionary<int, List<string>>();
        void Problem(int number, object message)
        {
            if (!problems.TryGetValue(number, out var list)) problems[number] = list = [];
            list.Add(message.ToString()!);
        }

        if (features.Count == 0)
            return new ImportPlan([], new Dictionary<int, IReadOnlyList<string>> { [0] = [DomainMessages.ImportNoFeatures.With().ToString()] });
        if (features.Count > MaxFeatures)
            return new ImportPlan([], new Dictionary<int, IReadOnlyList<string>> { [0] = [DomainMessages.ImportTooManyFeatures.With(MaxFeatures, features.Count).ToString()] });

        var byId = existing.ToDictionary(n => n.Id);
        var live = existing.Where(n => n.Status != NetworkStatus.Dissolved).ToList();

        // 1. Which network each feature is about.
        var targets = new Dictionary<int, (Guid Id, string Name, Network? Current)>();
        var claimedBy = new Dictionary<Guid, int>();
        var newNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in features)
        {
            if (f.ReadProblem is not null) Problem(f.Number, f.ReadProblem);
            var name = f.Name?.Trim();
            Network? current = null;
            Guid id;
            if (f.NetworkId is { } given)
            {
                id = given;
                byId.TryGetValue(given, out current);
            }
            else if (!string.IsNullOrEmpty(name) && live.Where(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } named)
            {
                current = named[0];
                id = current.Id;
            }
            else
            {
                id = newId();
            }

            if (current is null)
            {
                if (string.IsNullOrEmpty(name))
                {
                    Problem(f.Number, DomainMessages.ImportNewNeedsName.With());
                    continue;
                }
                if (f.Status is not (NetworkStatus.Active or NetworkStatus.Proposed))
                    Problem(f.Number, DomainMessages.ImportNewStatus.With(FoundingDecisions.Describe(f.Status)));
                if (live.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)) is { } clash)
                    Problem(f.Number, DomainMessages.ImportNameTaken.With(clash.Name));
                if (newNames.TryGetValue(name, out var first))
                    Problem(f.Number, DomainMessages.ImportDuplicateNew.With(first, name));
                else newNames[name] = f.Number;
            }
            else if (current.Status == NetworkStatus.Dissolved)
            {
                Problem(f.Number, DomainMessages.NetworkDissolvedBoundary.With(current.Name));
            }

            if (claimedBy.TryGetValue(id, out var earlier))
            {
                Problem(f.Number, DomainMessages.ImportDuplicateTarget.With(earlier, current?.Name ?? name));
                continue;
            }
            claimedBy[id] = f.Number;
            targets[f.Number] = (id, current?.Name ?? name!, current);
        }

        // 2. The boundaries as they will be: the file's valid polygons replace the networks' current ones.
        var after = live.ToDictionary(n => n.Id, n => new NeighbourBoundary(n.Id, n.Name, n.Boundary));
        foreach (var f in features)
        {
            if (!targets.TryGetValue(f.Number, out var target) || f.Boundary is null || !IsValid(f.Boundary)) continue;
            after[target.Id] = new NeighbourBoundary(target.Id, target.Name, f.Boundary);
        }
        var context = new BoundaryContext(zone, after.Values.ToList());

        // 3. Each boundary against the zone and the others; then the events.
        var changes = new List<PlannedImport>();
        foreach (var f in features)
        {
            if (!targets.TryGetValue(f.Number, out var target)) continue;
            if (f.Boundary is null)
            {
                if (f.ReadProblem is null) Problem(f.Number, DomainMessages.ImportNoPolygon.With());
                continue;
            }
            foreach (var problem in NetworkBoundaries.Problems(target.Id, f.Boundary, context)) Problem(f.Number, problem);
            if (problems.ContainsKey(f.Number)) continue;

            try
            {
                if (target.Current is null)
                {
                    var registered = NetworkDecisions.Register(null, new RegisterNetwork(target.Id, target.Name, f.Boundary, f.Status, f.Indicative), now);
                    changes.Add(new PlannedImport(f.Number, target.Id, registered.Name, ImportOutcome.Registered, [registered]));
                }
                else if (target.Current.Boundary.EqualsExact(f.Boundary) && target.Current.Indicative == f.Indicative)
                {
                    changes.Add(new PlannedImport(f.Number, target.Id, target.Name, ImportOutcome.Unchanged, []));
                }
                else
                {
                    var changed = NetworkDecisions.ChangeBoundary(target.Current, new ChangeNetworkBoundary(target.Id, f.Boundary, f.Indicative), context, now);
                    changes.Add(new PlannedImport(f.Number, target.Id, target.Name, ImportOutcome.BoundaryChanged, [changed]));
                }
            }
            catch (DomainException ex)
            {
                Problem(f.Number, ex.Message);
            }
        }

        return problems.Count > 0
            ? new ImportPlan([], problems.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value))
            : new ImportPlan(changes, new Dictionary<int, IReadOnlyList<string>>());
    }

    private static bool IsValid(Polygon polygon)
    {
        try
        {
            NetworkDecisions.EnsureValidBoundary(polygon);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
