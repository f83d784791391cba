namespace Bin.Dashboard.Infrastructure.Seeding;

/// <summary>The user name recorded in event metadata for what the demo seed writes.</summary>
public static class SeedActor
{
    public const string Name = "seed";
}
