namespace Bin.Dashboard.Infrastructure.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Registers the seven demo networks of Lommel (indicative boundaries) and their demo members
    /// (numbers in the simulator-only block +32 479 90 xx xx) when they are missing.</summary>
    public bool DemoData { get; set; }

    /// <summary>With <see cref="DemoData"/>: days of demo history (incidents, alerts, acknowledgements, replies) the seed
    /// writes up to the first start, once, so replay and evaluation have something to show. 0: none.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, Features.Replay.DemoHistory.HistoryProfile.MaxDays)]
    public int HistoryDays { get; set; }
}
