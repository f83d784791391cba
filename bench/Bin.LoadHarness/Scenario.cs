namespace Bin.LoadHarness;

/// <summary>A subcommand of the harness: its name on the command line, what it measures and how to call it.</summary>
internal sealed record Scenario(string Name, string Summary, string Usage, Func<HarnessArgs, CancellationToken, Task<int>> RunAsync);

internal static class ExitCodes
{
    public const int Met = 0;
    public const int Failed = 1;
    public const int TargetMissed = 2;
    public const int Usage = 64;
}
