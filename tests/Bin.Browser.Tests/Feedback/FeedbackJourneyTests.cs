using System.Net.Http.Json;
using System.Text.Json;
using Bin.Testing;

namespace Bin.Browser.Tests.Feedback;

public class FeedbackJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static Guid Parelstrand => SeedNetworks.Parelstrand;

    /// <summary>An API client of the Kestrel host, with a bearer token.</summary>
    private async Task<HttpClient> ApiAsync(string user)
    {
        var client = new HttpClient { BaseAddress = browser.BaseUrl };
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = BrowserFixture.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task An_officer_schedules_feedback_from_the_incident_sees_its_countdown_and_finds_it_on_the_Scheduled_page()
    {
        // An incident in Parelstrand and an alert to its members, through the API.
        var api = await ApiAsync("officer");
        var description = "Chalet opengebroken " + Guid.NewGuid().ToString("N")[..6];
        var incident = (await (await api.PostAsJsonAsync("/api/incidents", new { lat = 51.2470, lon = 5.3450, category = "burglary", description }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = new[] { Parelstrand }, tipTemplateId = "burglary-lights" })).EnsureSuccessStatusCode();

        var officer = await browser.SignInAsync("officer");
        await officer.GetByTestId("board-row").Filter(new() { HasText = description }).ClickAsync();
        await officer.GetByTestId("open-feedback").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("feedback-preview")).ToContainTextAsync("Lommel");
        await officer.GetByTestId("feedback-save").ClickAsync();

        await Assertions.Expect(officer.GetByTestId("pending-feedback")).ToContainTextAsync("over");
        await Assertions.Expect(officer.GetByTestId("timeline-countdown")).ToContainTextAsync("over");
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } folder)
            await officer.ScreenshotAsync(new() { Path = Path.Combine(folder, "bin-feedback-incident.png") });

        await officer.GetByTestId("nav-scheduled").ClickAsync();
        await BrowserFixture.WaitForCircuitAsync(officer);
        await Assertions.Expect(officer.GetByTestId("scheduled-row").Filter(new() { HasText = description })).ToHaveCountAsync(1);
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } again)
            await officer.ScreenshotAsync(new() { Path = Path.Combine(again, "bin-feedback-scheduled.png") });
    }
}
