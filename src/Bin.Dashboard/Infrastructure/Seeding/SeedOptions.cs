namespace Bin.Dashboard.Infrastructure.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Registers the seven demo networks of Lommel (indicative boundaries) and their demo members
    /// (numbers in the simulator-only block +32 479 90 xx xx) when they are missing.</summary>
    public bool DemoData { get; set; }

    /// <summary>With <see cref="DemoData"/>: days of demo history (incidents, alerts, acknowledgements, replies) that
    /// <c>Bin.DemoData seed</c> writes up to now, once, so replay and evaluation have something to show. 0: none.
    /// The dashboard itself never writes history.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 731)]
    public int HistoryDays { get; set; }
}
