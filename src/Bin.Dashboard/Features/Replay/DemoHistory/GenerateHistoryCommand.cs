using System.Globalization;
using Bin.Dashboard.Infrastructure.Seeding;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Replay.DemoHistory;

/// <summary>
/// <c>dotnet run --project src/Bin.Dashboard -- generate-history [--days 365] [--profile demo|benchmark] [--end 2026-11-28T00:00:00Z]</c>:
/// writes the demo history before (instead of) starting the web host: the schema, Lommel's demo networks and members
/// when missing, then the history — once per database. Only where <c>Seed:DemoData</c> is on (Development).
/// </summary>
public static class GenerateHistoryCommand
{
    public const string Name = "generate-history";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var seed = services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (!seed.DemoData)
        {
            output.WriteLine("generate-history writes demo data (simulator members, invented incidents); it runs only where Seed:DemoData is true, e.g. ASPNETCORE_ENVIRONMENT=Development.");
            return 2;
        }
        HistoryProfile profile;
        try
        {
            profile = Parse(args[1..], services.GetRequiredService<TimeProvider>().GetUtcNow());
            profile.Validate();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            output.WriteLine(ex.Message);
            output.WriteLine($"usage: {Name} [--days 1..{HistoryProfile.MaxDays}] [--profile demo|benchmark] [--end <ISO 8601>]");
            return 64;
        }

        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await services.GetRequiredService<DemoSeeder>().SeedNetworksAndMembersAsync(ct);
        var result = await services.GetRequiredService<HistoryGenerator>().GenerateAsync(profile, ct);
        var run = result.Run;
        output.WriteLine(result.Generated
            ? $"Generated {run.From:yyyy-MM-dd HH:mm} – {run.To:yyyy-MM-dd HH:mm} UTC in {run.Seconds:0.0} s: {run.Incidents:N0} incidents, {run.Alerts:N0} alerts, " +
              $"{run.Acknowledgements:N0} acknowledgements, {run.Replies:N0} replies, {run.Reminders:N0} reminders, {run.FeedbackSent:N0} feedback, {run.Messages:N0} SMS, {run.Joiners:N0} new members, {run.OptOuts:N0} opt-outs ({run.Events:N0} events)."
            : $"This database already has its demo history ({run.From:yyyy-MM-dd} – {run.To:yyyy-MM-dd}, {run.Incidents:N0} incidents, generated {run.GeneratedAt:yyyy-MM-dd HH:mm}); nothing written. Use a fresh database for another.");
        return 0;
    }

    private static HistoryProfile Parse(string[] args, DateTimeOffset now)
    {
        int days = 365;
        var profile = "demo";
        var end = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--days": days = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--profile": profile = value; break;
                case "--end": end = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
            i++;
        }
        return profile switch
        {
            "demo" => HistoryProfile.Demo(days, end),
            "benchmark" => HistoryProfile.Benchmark(days, end),
            _ => throw new ArgumentException("--profile is demo or benchmark."),
        };
    }
}
