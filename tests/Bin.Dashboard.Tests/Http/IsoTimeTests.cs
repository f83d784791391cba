using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Http;

/// <summary>The API's one time parser: ISO 8601 with an offset, or a date alone; a time without an offset is refused.</summary>
public class IsoTimeTests
{
    [Theory]
    [InlineData("2026-11-28T21:40:00+01:00", "2026-11-28T20:40:00Z")]
    [InlineData("2026-11-28T20:40:00Z", "2026-11-28T20:40:00Z")]
    [InlineData("2026-11-28T20:40Z", "2026-11-28T20:40:00Z")]
    [InlineData("2026-11-28T21:40:00.250+01:00", "2026-11-28T20:40:00.25Z")]
    [InlineData("2026-11-28T15:40:00-05:00", "2026-11-28T20:40:00Z")]
    [InlineData("2026-11-28", "2026-11-28T00:00:00Z")]
    public void A_time_with_its_offset_or_a_date_is_read_as_that_instant(string text, string instant)
    {
        Assert.True(IsoTime.TryParse(text, out var time));
        Assert.Equal(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Theory]
    [InlineData("2026-11-28T21:40:00")]
    [InlineData("2026-11-28 21:40:00+01:00")]
    [InlineData("28/11/2026 21:40")]
    [InlineData("2026-11-28T21:40:00+0100x")]
    [InlineData("2026-13-28T21:40:00Z")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public void A_time_without_an_offset_or_in_another_shape_is_refused(string text) =>
        Assert.False(IsoTime.TryParse(text, out _));

    [Fact]
    public void A_refused_query_time_names_its_field()
    {
        var refusal = Assert.Throws<Bin.Domain.DomainException>(() => IsoTime.Optional("2026-11-28T08:00:00", "from"));
        Assert.Equal("from", refusal.Field);
        Assert.Null(IsoTime.Optional(" ", "from"));
    }
}

/// <summary>The parser behind the API: bodies and query strings refuse a time without an offset with a 400 naming the field.</summary>
public class IsoTimeApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/api/incidents?from=2026-11-28T08:00:00", "from")]
    [InlineData("/api/incidents?to=2026-11-28T08:00", "to")]
    [InlineData("/api/history?from=2026-11-01T00:00:00&to=2026-11-02T00:00:00Z", "from")]
    [InlineData("/api/evaluation?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00", "to")]
    [InlineData("/api/alerts?from=yesterday", "from")]
    public async Task A_query_time_without_an_offset_is_a_400_naming_the_field(string url, string field)
    {
        var response = await (await host.App.ClientForAsync("admin")).GetAsync(url);

        await AssertNamesAsync(response, field);
    }

    [Fact]
    public async Task A_body_time_without_an_offset_is_a_400_naming_the_field_and_the_shape()
    {
        var admin = await host.App.ClientForAsync("admin");
        var network = Bin.Dashboard.Features.Networks.NetworkSeed.KerkpleinId;

        var response = await admin.PostAsync($"/api/networks/{network}/members", new StringContent(
            """{ "name": "Tijd Test", "phone": "+32470000111", "consentMethod": "paper", "consentAt": "2026-11-28T21:40:00" }""",
            Encoding.UTF8, "application/json"));

        var problem = await AssertNamesAsync(response, "consentAt");
        Assert.Contains("2026-11-28T21:40:00+01:00", problem.GetProperty("errors").GetProperty("consentAt")[0].GetString());
    }

    [Fact]
    public async Task The_problem_speaks_the_requests_language()
    {
        var client = await host.App.ClientForAsync("admin");
        var dutch = await AssertNamesAsync(await client.GetAsync("/api/incidents?from=2026-11-28T08:00:00"), "from");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/incidents?from=2026-11-28T08:00:00");
        english.Headers.Add("Accept-Language", "en");
        var inEnglish = await AssertNamesAsync(await client.SendAsync(english), "from");

        Assert.StartsWith("from moet een ISO 8601-tijd", dutch.GetProperty("errors").GetProperty("from")[0].GetString());
        Assert.Equal("Invalid from", inEnglish.GetProperty("title").GetString());
        Assert.StartsWith("from must be an ISO 8601 time", inEnglish.GetProperty("errors").GetProperty("from")[0].GetString());
    }

    private static async Task<JsonElement> AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {body}");
        return problem;
    }
}
