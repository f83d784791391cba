namespace Bin.Dashboard.Infrastructure.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Registers the seven demo networks of Lommel (indicative boundaries) when they are missing.</summary>
    public bool DemoData { get; set; }
}
