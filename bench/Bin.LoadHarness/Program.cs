using Bin.LoadHarness.Scenarios;

namespace Bin.LoadHarness;

/// <summary>
/// dotnet run -c Release --project bench/Bin.LoadHarness -- &lt;scenario&gt; [options]
/// Each scenario hosts the dashboard itself (real Kestrel, throwaway PostgreSQL). Exit codes: 0 target met,
/// 1 samples lost or the run failed, 2 ran cleanly but missed the target, 64 usage error.
/// (An explicit Main, not top-level statements: those would declare a second global Program next to the dashboard's.)
/// </summary>
internal static class LoadHarness
{
    private static readonly Scenario[] Scenarios =
    [
        LiveFeedLatency.Scenario,
        AlertTenThousand.Scenario,
        SustainedAcks.Scenario,
        ReplayHistory.Scenario,
        Screens.Scenario,
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args is [ScreenBrowsers.Command]) return await ScreenBrowsers.RunChildAsync();
        var help = args.Length == 0 || args[0] is "-h" or "--help";
        var scenario = help ? null : Scenarios.SingleOrDefault(s => s.Name == args[0]);
        if (scenario is null)
        {
            if (!help) Console.Error.WriteLine($"Unknown scenario '{args[0]}'.");
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Bin.LoadHarness -- <scenario> [options]");
            foreach (var s in Scenarios)
                Console.Error.WriteLine($"\n  {s.Name}  {s.Summary}\n    {s.Usage}");
            return help ? ExitCodes.Met : ExitCodes.Usage;
        }

        HarnessArgs options;
        try
        {
            options = HarnessArgs.Parse(args[1..]);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.Usage;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await scenario.RunAsync(options, stop.Token);
    }
}
