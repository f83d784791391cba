using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Tests.Replay;

[Collection(ReplayCollection.Name)]
public class HistoryApiTests(ReplayFixture fixture)
{
    private static readonly JsonSerializerOptions Json = HistoryJson.Options;

    private string PeriodQuery => $"from={Iso(fixture.Run.From)}&to={Iso(fixture.Run.To)}";

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private async Task<HistoryPage> GetAsync(string query, string user = "chief")
    {
        var client = await fixture.App.ClientForAsync(user);
        var response = await client.GetAsync($"/api/history?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HistoryPage>(Json))!;
    }

    [Fact]
    public async Task The_history_of_a_period_lists_its_events_oldest_first_with_places_and_ids_and_sums_acknowledgements_per_minute()
    {
        var page = await GetAsync(PeriodQuery);

        Assert.Equal(page.Items.Count, page.Count);
        Assert.Equal(page.Items.OrderBy(i => i.At).Select(i => i.At), page.Items.Select(i => i.At));
        Assert.All(page.Items, i => Assert.InRange(i.At, fixture.Run.From, fixture.Run.To));
        var types = page.Items.Select(i => i.Type).ToHashSet();
        Assert.Superset(new HashSet<string> { "acknowledgements", "alert-issued", "incident-closed", "incident-reported", "incident-verified", "reply-received",
            "feedback-scheduled", "feedback-sent" }, types);
        Assert.Subset(new HashSet<string>([.. TimelineKinds.Listed, "acknowledgements"]), types);
        Assert.All(page.Items.Where(i => i.Type.StartsWith("feedback-", StringComparison.Ordinal)), i =>
        {
            Assert.NotNull(i.FeedbackId);
            Assert.NotNull(i.AlertId);
            Assert.NotNull(i.IncidentId);
            Assert.NotEmpty(i.NetworkIds);
        });
        Assert.All(page.Items.Where(i => i.Type.StartsWith("incident-", StringComparison.Ordinal)), i =>
        {
            Assert.NotNull(i.IncidentId);
            Assert.NotNull(i.Latitude);
            Assert.NotNull(i.Longitude);
            Assert.NotNull(i.Category);
        });
        Assert.All(page.Items.Where(i => i.Type == "alert-issued"), i =>
        {
            Assert.NotNull(i.AlertId);
            Assert.NotNull(i.IncidentId);
            Assert.NotEmpty(i.NetworkIds);
            Assert.Equal(i.Count, i.Recipients!.Values.Sum());
            Assert.NotNull(i.By);
        });
        var acks = page.Items.Where(i => i.Type == "acknowledgements").ToList();
        Assert.All(acks, i =>
        {
            Assert.Single(i.NetworkIds);
            Assert.NotNull(i.AlertId);
            Assert.InRange(i.Count!.Value, 1, 10_000);
        });
        // Summed, not one entry per acknowledgement; and none lost in the summing.
        Assert.True(acks.Count < acks.Sum(a => a.Count!.Value));
        Assert.Equal(await CountAsync(TimelineKinds.TipAcknowledged), acks.Sum(a => a.Count!.Value));
        Assert.All(acks.GroupBy(a => (a.AlertId, a.NetworkIds[0], new DateTimeOffset(a.At.Ticks - a.At.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero))),
            g => Assert.Single(g));
    }

    [Fact]
    public async Task A_network_filter_keeps_the_incidents_in_or_alerting_that_network_with_its_members_answers_only()
    {
        var all = await GetAsync(PeriodQuery);
        var kerkplein = NetworkSeed.KerkpleinId;

        var page = await GetAsync($"{PeriodQuery}&networkId={kerkplein}");

        Assert.NotEmpty(page.Items);
        Assert.True(page.Items.Count < all.Items.Count);
        var concerned = all.Items.Where(i => i.Type is "incident-reported" or "incident-updated" or "alert-issued" && i.NetworkIds.Contains(kerkplein))
            .Select(i => i.IncidentId).ToHashSet();
        Assert.All(page.Items, i => Assert.Contains(i.IncidentId, concerned));
        Assert.All(page.Items.Where(i => i.Type is "acknowledgements" or "reply-received"), i => Assert.Equal([kerkplein], i.NetworkIds));
        // Every event of a selected incident is in, its closing too.
        var reported = page.Items.Where(i => i.Type == "incident-reported").Select(i => i.IncidentId).ToHashSet();
        Assert.Equal(all.Items.Count(i => i.Type == "incident-closed" && reported.Contains(i.IncidentId)),
            page.Items.Count(i => i.Type == "incident-closed" && reported.Contains(i.IncidentId)));
    }

    [Fact]
    public async Task A_category_filter_keeps_that_category_and_filters_combine()
    {
        var page = await GetAsync($"{PeriodQuery}&category=burglary,suspicious-person");
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, i => Assert.Contains(i.Category, new[] { "burglary", "suspicious-person" }));

        var both = await GetAsync($"{PeriodQuery}&category=burglary&networkId={NetworkSeed.KerkpleinId}");
        Assert.All(both.Items, i => Assert.Equal("burglary", i.Category));
        Assert.True(both.Items.Count < page.Items.Count);
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("from=2026-11-01T00:00:00Z", "to")]
    [InlineData("from=yesterday&to=2026-11-01T00:00:00Z", "from")]
    [InlineData("from=2026-11-01T00:00:00Z&to=soon", "to")]
    [InlineData("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("from=2025-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", "to")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&networkId=kerkplein", "networkId")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&category=arson", "category")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&format=xml", "format")]
    public async Task A_bad_period_or_filter_is_a_problem_naming_the_field(string query, string field)
    {
        var client = await fixture.App.ClientForAsync("chief");

        var response = await client.GetAsync($"/api/history?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_state_endpoint_needs_a_moment()
    {
        var client = await fixture.App.ClientForAsync("chief");
        var missing = await client.GetAsync("/api/history/state");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("at", out _));

        var state = await client.GetFromJsonAsync<JsonElement>($"/api/history/state?at={Iso(fixture.Run.To.AddMinutes(-1))}");
        Assert.Equal(JsonValueKind.Array, state.GetProperty("incidents").ValueKind);
        Assert.Equal(JsonValueKind.Array, state.GetProperty("alerts").ValueKind);
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("officer")]
    [InlineData("coordinator")]
    public async Task Only_chiefs_and_administrators_read_the_history(string user)
    {
        var client = await fixture.App.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/history?{PeriodQuery}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/history/state?at={Iso(fixture.Run.To)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/evaluation?{PeriodQuery}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await (await fixture.App.ClientForAsync("admin")).GetAsync($"/api/history?{PeriodQuery}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.CreateClient().GetAsync($"/api/history?{PeriodQuery}")).StatusCode);
    }

    [Fact]
    public async Task The_history_exports_as_csv_for_a_spreadsheet()
    {
        var page = await GetAsync(PeriodQuery);
        var client = await fixture.App.ClientForAsync("chief");

        var response = await client.GetAsync($"/api/history?{PeriodQuery}&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("type;at_utc;at_brussels;incident_id;alert_id;networks", lines[0]);
        // Replies are free text and may hold semicolons or line breaks: quoted, so each entry is one record.
        Assert.Equal(page.Items.Count + 1, CountRecords(Encoding.UTF8.GetString(bytes[3..])));
        var names = (await fixture.App.Service<NetworkDirectory>().CurrentAsync()).Names.Values;
        Assert.All(lines.Where(l => l.StartsWith("alert-issued;", StringComparison.Ordinal)), l => Assert.Contains(names, n => l.Contains(n, StringComparison.Ordinal)));
    }

    private static int CountRecords(string csv)
    {
        var records = 0;
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            if (csv[i] == '"') quoted = !quoted;
            else if (!quoted && csv[i] == '\n') records++;
        }
        return records;
    }

    private async Task<long> CountAsync(string kind)
    {
        var options = fixture.App.Service<IOptions<EventStoreOptions>>().Value;
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {options.Schema}.{TimelineTable.Name} WHERE kind = @kind AND at >= @from AND at < @to", connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("from", fixture.Run.From);
        command.Parameters.AddWithValue("to", fixture.Run.To);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
