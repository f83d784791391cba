using System.Globalization;
using Bin.Dashboard.Infrastructure.Seeding;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.DemoData;

/// <summary>
/// The commands of <c>Bin.DemoData</c>, each run before (instead of) the dashboard, once per database, and only where
/// <c>Seed:DemoData</c> is on (Development):
/// <c>seed</c> — the schema, Lommel's demo networks and members when missing, and <c>Seed:HistoryDays</c> days of history
/// up to now (what <c>./build.sh run</c> does before it starts the dashboard);
/// <c>generate-history [--days 365] [--profile demo|benchmark] [--end 2026-11-28T00:00:00Z]</c> — the same with a history
/// of one's choice.
/// </summary>
public static class DemoDataCommands
{
    public const string Seed = "seed";
    public const string GenerateHistory = "generate-history";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var command = args.Length > 0 ? args[0] : "";
        if (command is not (Seed or GenerateHistory))
        {
            output.WriteLine($"usage: {Seed} | {GenerateHistory} [--days 1..{HistoryProfile.MaxDays}] [--profile demo|benchmark] [--end <ISO 8601>]");
            return 64;
        }
        var seed = services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (!seed.DemoData)
        {
            output.WriteLine("Demo data (simulator members, invented incidents) is written only where Seed:DemoData is true, e.g. ASPNETCORE_ENVIRONMENT=Development.");
            return 2;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        HistoryProfile? profile;
        try
        {
            profile = command == Seed ? SeedProfile(seed.HistoryDays, now) : Parse(args[1..], now);
            profile?.Validate();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            output.WriteLine(ex.Message);
            output.WriteLine($"usage: {GenerateHistory} [--days 1..{HistoryProfile.MaxDays}] [--profile demo|benchmark] [--end <ISO 8601>]");
            return 64;
        }

        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await services.GetRequiredService<DemoSeeder>().SeedNetworksAndMembersAsync(ct);
        if (profile is null)
        {
            output.WriteLine("Demo networks and members are in place; no history asked for (Seed:HistoryDays is 0).");
            return 0;
        }
        var result = await services.GetRequiredService<HistoryGenerator>().GenerateAsync(profile, ct);
        var run = result.Run;
        output.WriteLine(result.Generated
            ? $"Generated {run.From:yyyy-MM-dd HH:mm} – {run.To:yyyy-MM-dd HH:mm} UTC in {run.Seconds:0.0} s: {run.Incidents:N0} incidents, {run.Alerts:N0} alerts, " +
              $"{run.Acknowledgements:N0} acknowledgements, {run.Replies:N0} replies, {run.Reminders:N0} reminders, {run.FeedbackSent:N0} feedback, {run.Messages:N0} SMS, {run.Joiners:N0} new members, {run.OptOuts:N0} opt-outs ({run.Events:N0} events)."
            : $"This database already has its demo history ({run.From:yyyy-MM-dd} – {run.To:yyyy-MM-dd}, {run.Incidents:N0} incidents, generated {run.GeneratedAt:yyyy-MM-dd HH:mm}); nothing written. Use a fresh database for another.");
        return 0;
    }

    private static DateTimeOffset ToTheMinute(DateTimeOffset now) => new(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static HistoryProfile? SeedProfile(int days, DateTimeOffset now) => days > 0 ? HistoryProfile.Demo(days, ToTheMinute(now)) : null;

    private static HistoryProfile Parse(string[] args, DateTimeOffset now)
    {
        int days = 365;
        var profile = "demo";
        var end = ToTheMinute(now);
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
