namespace Bin.Dashboard.Features.Incidents;

/// <summary>
/// Which open incidents this console has not opened yet. The first list it sees is the baseline (what was open when
/// the page loaded); every incident that appears after it is new until it is opened. A closed incident leaves the
/// board and with it the set. <see cref="Arrivals"/> counts the observations that brought something new: the sound
/// plays once per arrival, not once per incident of a burst.
/// </summary>
public sealed class IncidentAttention
{
    private HashSet<Guid>? _known;
    private readonly HashSet<Guid> _new = [];

    public IReadOnlyCollection<Guid> New => _new;

    public int Count => _new.Count;

    public int Arrivals { get; private set; }

    public bool IsNew(Guid id) => _new.Contains(id);

    /// <summary>Takes the board's current open incidents; true when at least one of them is new.</summary>
    public bool Observe(IReadOnlySet<Guid> open)
    {
        if (_known is null)
        {
            _known = [.. open];
            return false;
        }
        var arrived = false;
        foreach (var id in open)
            if (_known.Add(id))
            {
                _new.Add(id);
                arrived = true;
            }
        _new.RemoveWhere(id => !open.Contains(id));
        if (arrived) Arrivals++;
        return arrived;
    }

    /// <summary>The user opened it (or recorded it here): no longer new, and not new when it reaches the board later.</summary>
    public void Open(Guid id)
    {
        _new.Remove(id);
        _known?.Add(id);
    }

    /// <summary>"(3) " before the page title while there are new incidents.</summary>
    public string TitlePrefix => _new.Count == 0 ? "" : $"({_new.Count}) ";
}
