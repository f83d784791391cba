using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Features.Addresses;
using Bin.Dashboard.Features.Networks;
using Bin.Domain.Geometry;
using Bin.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Addresses;

/// <summary>Helpers shared by the address API tests: the registry's export format, reading the GeoJSON answer.</summary>
internal static class AddressFiles
{
    public const string Header = "ID;STRAATNMID;STRAATNM;HUISNR;APPNR;BUSNR;HNRLABEL;NISCODE;GEMEENTE;POSTCODE;HERKOMST;X;Y";

    public static string Line(string id, string street, string number, double lat, double lon, string postcode = "3920", string municipality = "Lommel")
    {
        var (x, y) = BelgianLambert.FromWgs84(lon, lat, ImportCrs.Lambert72);
        return string.Create(CultureInfo.InvariantCulture, $"{id};1;{street};{number};;;{number};71037;{municipality};{postcode};afgeleidVanGebouw;{x:0.00};{y:0.00}");
    }

    public static StringContent Csv(params string[] lines) => new(string.Join("\n", lines), Encoding.UTF8, "text/csv");

    public static async Task<IReadOnlyList<JsonElement>> FeaturesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FeatureCollection", body.GetProperty("type").GetString());
        return body.GetProperty("features").EnumerateArray().ToList();
    }

    public static string Label(JsonElement feature) => feature.GetProperty("properties").GetProperty("label").GetString()!;
}

public class AddressSearchApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_demo_addresses_are_found_by_street_and_number_as_geojson_points_with_their_network()
    {
        var dispatcher = await host.App.ClientForAsync("dispatcher");

        var features = await AddressFiles.FeaturesAsync(await dispatcher.GetAsync("/api/addresses?q=kerkplein%201&limit=3"));

        Assert.Equal(3, features.Count);
        var first = features[0];
        var properties = first.GetProperty("properties");
        Assert.Equal("Kerkplein 1, 3920 Lommel", properties.GetProperty("label").GetString());
        Assert.Equal("Kerkplein", properties.GetProperty("street").GetString());
        Assert.Equal("1", properties.GetProperty("number").GetString());
        Assert.Equal("3920", properties.GetProperty("postcode").GetString());
        Assert.Equal("Lommel", properties.GetProperty("municipality").GetString());
        Assert.True(properties.GetProperty("demo").GetBoolean());
        Assert.Contains(NetworkSeed.KerkpleinId, properties.GetProperty("networkIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal("Point", first.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = first.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
        Assert.Equal(5.3122, coordinates[0], 4);
        Assert.Equal(51.2305, coordinates[1], 4);
    }

    [Fact]
    public async Task Spelling_case_and_accents_do_not_matter_and_a_close_misspelling_still_finds_the_street()
    {
        var dispatcher = await host.App.ClientForAsync("dispatcher");

        var exact = await AddressFiles.FeaturesAsync(await dispatcher.GetAsync("/api/addresses?q=STATIONSSTRAAT"));
        var accented = await AddressFiles.FeaturesAsync(await dispatcher.GetAsync("/api/addresses?q=" + Uri.EscapeDataString("Státionsstraat 4")));
        var misspelt = await AddressFiles.FeaturesAsync(await dispatcher.GetAsync("/api/addresses?q=stationstraat"));

        Assert.Equal(8, exact.Count);
        Assert.All(exact, f => Assert.StartsWith("Stationsstraat ", AddressFiles.Label(f)));
        Assert.Equal("Stationsstraat 4, 3920 Lommel", AddressFiles.Label(accented[0]));
        Assert.NotEmpty(misspelt);
        Assert.All(misspelt, f => Assert.StartsWith("Stationsstraat ", AddressFiles.Label(f)));
    }

    [Fact]
    public async Task The_schema_creates_the_table_with_its_trigram_index_and_a_restart_finds_nothing_to_change()
    {
        var store = host.App.Service<Marten.IDocumentStore>();

        var migration = await store.Storage.Database.CreateMigrationAsync();

        var address = migration.Deltas.Where(d => d.SchemaObject.Identifier.Name is AddressTable.Name or "pg_trgm").ToList();
        Assert.NotEmpty(address);
        Assert.All(address, d => Assert.Equal(Weasel.Core.SchemaPatchDifference.None, d.Difference));
    }

    [Theory]
    [InlineData("/api/addresses", "q")]
    [InlineData("/api/addresses?q=k", "q")]
    [InlineData("/api/addresses?q=kerkplein&limit=0", "limit")]
    [InlineData("/api/addresses?q=kerkplein&limit=26", "limit")]
    [InlineData("/api/addresses?q=kerkplein&limit=veel", "limit")]
    public async Task A_query_or_limit_the_search_cannot_use_is_a_problem_naming_the_field(string url, string field)
    {
        var dispatcher = await host.App.ClientForAsync("dispatcher");

        var response = await dispatcher.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}

/// <summary>Imports replace the index: their own host, so the other classes keep the demo set.</summary>
public class AddressImportTests(HostFixture host) : IClassFixture<HostFixture>
{
    private async Task<IReadOnlyList<string>> SearchAsync(HttpClient client, string query) =>
        (await AddressFiles.FeaturesAsync(await client.GetAsync("/api/addresses?q=" + Uri.EscapeDataString(query) + "&limit=25"))).Select(AddressFiles.Label).ToList();

    [Fact]
    public async Task A_file_with_bad_lines_is_refused_naming_each_line_in_the_users_language_and_saves_nothing_then_a_good_file_replaces_the_demo_set()
    {
        var admin = await host.App.ClientForAsync("admin");
        var before = await SearchAsync(admin, "kerkplein");

        var refused = await admin.PostAsync("/api/addresses/import", AddressFiles.Csv(
            AddressFiles.Header,
            AddressFiles.Line("1", "Vrijheidslaan", "7", 51.2330, 5.3200),
            "2;1;;5;;;5;71037;Lommel;3920;x;218000;210000",
            AddressFiles.Line("3", "Vrijheidslaan", "9", 51.2331, 5.3201, postcode: "392")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal([(3, "missing-street"), (4, "bad-postcode")], problems.Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("code").GetString())));
        Assert.Contains("straatnaam", problems[0].GetProperty("message").GetString());
        Assert.Contains("Regel 4", problem.GetProperty("errors").GetProperty("file")[1].GetString());
        Assert.Equal(before, await SearchAsync(admin, "kerkplein"));
        Assert.Empty(await SearchAsync(admin, "vrijheidslaan"));

        var imported = await admin.PostAsync("/api/addresses/import", AddressFiles.Csv(
            AddressFiles.Header,
            AddressFiles.Line("1", "Vrijheidslaan", "7", 51.2330, 5.3200),
            AddressFiles.Line("2", "Vrijheidslaan", "9", 51.2331, 5.3201),
            AddressFiles.Line("3", "Meir", "1", 51.2190, 4.4050, postcode: "2000", municipality: "Antwerpen")));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var report = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(1, report.GetProperty("outsideZone").GetInt32());
        var found = await AddressFiles.FeaturesAsync(await admin.GetAsync("/api/addresses?q=vrijheidslaan"));
        Assert.Equal(["Vrijheidslaan 7, 3920 Lommel", "Vrijheidslaan 9, 3920 Lommel"], found.Select(AddressFiles.Label));
        Assert.All(found, f => Assert.False(f.GetProperty("properties").GetProperty("demo").GetBoolean()));
        Assert.Empty(await SearchAsync(admin, "kerkplein"));
    }

    [Fact]
    public async Task Imports_sent_at_the_same_moment_leave_one_whole_file_never_a_mix()
    {
        var admin = await host.App.ClientForAsync("admin");
        string[] File(string street, int count) =>
            [AddressFiles.Header, .. Enumerable.Range(1, count).Select(n => AddressFiles.Line($"{street}-{n}", street, n.ToString(CultureInfo.InvariantCulture), 51.2300 + n * 0.0001, 5.3000))];
        var streets = new[] { "Eikenlaan", "Beukenlaan", "Berkenlaan", "Lindenlaan" };

        var responses = await Task.WhenAll(streets.Select(s => admin.PostAsync("/api/addresses/import", AddressFiles.Csv(File(s, 200)))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var index = host.App.Service<LocalAddressIndex>();
        Assert.Equal((200L, false), await index.CountAsync(default));
        // One file's streets, all 200 of its addresses (the search is fuzzy, so the table is asked directly).
        await using var connection = new Npgsql.NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT DISTINCT street FROM bin.{AddressTable.Name}", connection);
        var present = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) present.Add(reader.GetString(0));
        Assert.Contains(Assert.Single(present), streets);
    }
}

/// <summary>Without signing in (the join page's residents) searches are limited per client address; its own host with a small limit.</summary>
public class AnonymousAddressLimitTests : IAsyncLifetime
{
    private const int Limit = 5;
    private BinAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await BinAppFactory.StartAsync(new Dictionary<string, string?> { ["Addresses:AnonymousSearchesPerMinute"] = Limit.ToString(CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Parallel_anonymous_searches_get_exactly_the_limit_then_429_while_signed_in_users_and_the_join_page_share_nothing_but_the_address()
    {
        var anonymous = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => anonymous.GetAsync("/api/addresses?q=kerkplein")));

        Assert.Equal(Limit, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(40 - Limit, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("minuut", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // A signed-in dispatcher is not limited.
        var dispatcher = await _app.ClientForAsync("dispatcher");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync("/api/addresses?q=kerkplein")).StatusCode);
        // The join page's circuit from the same address counts against the same searches.
        using var scope = _app.Services.CreateScope();
        var finder = scope.ServiceProvider.GetRequiredService<IAddressFinder>();
        await Assert.ThrowsAsync<AddressSearchLimitedException>(() => finder.FindAsync("kerkplein", anonymous: true, default));
        Assert.NotEmpty(await finder.FindAsync("kerkplein", anonymous: false, default));
    }
}
