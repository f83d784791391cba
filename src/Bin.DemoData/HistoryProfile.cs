namespace Bin.DemoData;

/// <summary>
/// What the demo history generator writes: the <see cref="Days"/> before <see cref="End"/>, with about
/// <see cref="IncidentsPerDay"/> incidents a day across the zone and <see cref="JoinersPerNetworkPerMonth"/> new members
/// per network each month (registered at an info evening). Everything else follows from the domain and fixed
/// proportions (which incidents get alerted, who acknowledges, who replies); <see cref="Seed"/> makes a run repeatable.
/// </summary>
public sealed record HistoryProfile(int Days, DateTimeOffset End, double IncidentsPerDay, double JoinersPerNetworkPerMonth, int Seed = 5371)
{
    public const int MaxDays = 731;

    /// <summary>What a zone like Lommel might see: about six incidents a day that concern the BINs, one alert a
    /// day or two, a couple of new members per network a month.</summary>
    public static HistoryProfile Demo(int days, DateTimeOffset end) => new(days, end, IncidentsPerDay: 6, JoinersPerNetworkPerMonth: 2);

    /// <summary>The benchmark's year: ≥ 20,000 incidents, ≥ 2,000 alerts, ≥ 200,000 acknowledgements.</summary>
    public static HistoryProfile Benchmark(int days, DateTimeOffset end) => new(days, end, IncidentsPerDay: 56, JoinersPerNetworkPerMonth: 8);

    public DateTimeOffset Start => End.AddDays(-Days);

    public void Validate()
    {
        if (Days is < 1 or > MaxDays) throw new ArgumentOutOfRangeException(nameof(Days), Days, $"Between 1 and {MaxDays} days.");
        if (IncidentsPerDay is <= 0 or > 1_000) throw new ArgumentOutOfRangeException(nameof(IncidentsPerDay), IncidentsPerDay, "Between 0 and 1,000 a day.");
        if (JoinersPerNetworkPerMonth is < 0 or > 1_000) throw new ArgumentOutOfRangeException(nameof(JoinersPerNetworkPerMonth), JoinersPerNetworkPerMonth, "Between 0 and 1,000.");
    }
}

/// <summary>The record of the one demo history of an installation; its presence means "already generated".</summary>
public sealed class DemoHistoryRun
{
    public const string Key = "demo-history";

    public string Id { get; set; } = Key;
    public DateTimeOffset From { get; set; }
    public DateTimeOffset To { get; set; }
    public double IncidentsPerDay { get; set; }
    public int Seed { get; set; }
    public int Incidents { get; set; }
    public int Alerts { get; set; }
    public int Acknowledgements { get; set; }
    public int Replies { get; set; }
    public int Messages { get; set; }
    public int Reminders { get; set; }
    public int FeedbackSent { get; set; }
    public int Joiners { get; set; }
    public int OptOuts { get; set; }
    public int Events { get; set; }
    public double Seconds { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
}
