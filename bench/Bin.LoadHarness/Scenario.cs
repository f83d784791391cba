using Bin.LoadHarness.Measurement;

namespace Bin.LoadHarness;

/// <summary>A subcommand of the harness: its name on the command line, what it measures and how to call it.</summary>
internal sealed record Scenario(string Name, string Summary, string Usage, Func<HarnessArgs, CancellationToken, Task<int>> RunAsync)
{
    /// <summary>
    /// A scenario that reads its settings from the arguments (a bad or unknown one is a usage error) and then
    /// measures; a measurement that throws is a failed run with the exception on stderr.
    /// </summary>
    public static Scenario Create<TSettings>(string name, string summary, string usage,
        Func<HarnessArgs, TSettings> parse, Func<TSettings, CancellationToken, Task<int>> measureAsync) =>
        new(name, summary, usage, async (args, ct) =>
        {
            TSettings settings;
            try
            {
                settings = parse(args);
                args.RejectUnknown();
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.Usage;
            }

            try
            {
                return await measureAsync(settings, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Console.Error.WriteLine($"{name} failed: {ex}");
                return ExitCodes.Failed;
            }
        });

    /// <summary>Prints what the run measures and on what machine; returns the load average at the start.</summary>
    public static string PrintHeader(string title)
    {
        var load = MachineInfo.LoadAverage();
        Console.WriteLine(title);
        Console.WriteLine($"  machine    {MachineInfo.Describe()}");
        Console.WriteLine($"  load avg   {load} (start)");
        return load;
    }
}

internal static class ExitCodes
{
    public const int Met = 0;
    public const int Failed = 1;
    public const int TargetMissed = 2;
    public const int Usage = 64;
}
