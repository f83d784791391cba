namespace Bin.Dashboard.Infrastructure.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Registers the seven demo networks of Lommel (indicative boundaries) and their demo members
    /// (numbers in the simulator-only block +32 479 90 xx xx) when they are missing.</summary>
    public bool DemoData { get; set; }
}
