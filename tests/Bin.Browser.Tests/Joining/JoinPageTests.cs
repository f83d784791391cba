using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Marten;
using Bin.Testing;

namespace Bin.Browser.Tests.Joining;

public class JoinPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_resident_joins_Kerkplein_with_the_SMS_code_and_counts_as_a_member_once_the_coordinator_approves()
    {
        var members = browser.Host.App.Service<IMemberDirectory>();
        var before = (await members.ActiveCountsAsync(default)).GetValueOrDefault(NetworkSeed.KerkpleinId);

        // A resident, not signed in, on the Dutch public page, picks a point inside Kerkplein on the map.
        var resident = await browser.NewPageAsync();
        await resident.GotoAsync("lid-worden");
        await BrowserFixture.WaitForCircuitAsync(resident);
        await Assertions.Expect(resident.GetByTestId("join-pick-hint")).ToContainTextAsync("Klik op de kaart");
        var label = resident.Locator(".network-label", new() { HasText = "Kerkplein" });
        var box = (await label.BoundingBoxAsync())!;
        await resident.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height + 6);
        await Assertions.Expect(resident.GetByTestId("join-covered")).ToContainTextAsync("Kerkplein");

        // Asks to join with name, number, language and consent.
        await resident.GetByTestId("join-name").FillAsync("Lotte Vermeulen");
        await resident.GetByTestId("join-phone").FillAsync("0471 23 45 67");
        await resident.GetByTestId("join-language").SelectOptionAsync("nl");
        await resident.GetByTestId("join-consent").CheckAsync();
        await resident.GetByTestId("join-submit").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("join-code")).ToBeVisibleAsync();

        // Enters the code the simulator received.
        var code = await CodeSentToAsync("+32471234567");
        await resident.GetByTestId("join-code-input").FillAsync(code);
        await resident.GetByTestId("join-confirm").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("join-done")).ToContainTextAsync("bevestigd");

        // Kerkplein's coordinator approves the request.
        var coordinator = await browser.SignInAsync("coordinator");
        await coordinator.GetByTestId("nav-join-requests").ClickAsync();
        var request = coordinator.GetByTestId("join-request").Filter(new() { HasText = "Lotte Vermeulen" });
        // The number was confirmed by SMS; the coordinator sees it masked (the full number is the member registry's, once approved).
        await Assertions.Expect(request.GetByTestId("request-phone")).ToHaveTextAsync("+32 471 •• •• 67");
        await request.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("requests-done")).ToContainTextAsync("Lotte Vermeulen");

        // The member counts in Kerkplein's member count, on its network page.
        await coordinator.GotoAsync($"networks/{NetworkSeed.KerkpleinId}");
        await BrowserFixture.WaitForCircuitAsync(coordinator);
        await Assertions.Expect(coordinator.GetByTestId("member-count")).ToHaveTextAsync((before + 1).ToString());
        Assert.Equal(before + 1, (await members.ActiveCountsAsync(default))[NetworkSeed.KerkpleinId]);
        Assert.NotNull(await members.FindByPhoneAsync("+32471234567", default));

        // The welcome SMS went out, and the application no longer holds the name or number; the address was only hashed.
        await MessageToAsync("+32471234567", m => m.Contains("welkom"));
        await using var session = browser.Host.App.Service<IDocumentStore>().QuerySession();
        var application = Assert.Single(await session.Query<JoinApplication>().Where(a => a.NetworkId == NetworkSeed.KerkpleinId).ToListAsync());
        Assert.Equal(("", ""), (application.Name, application.Phone));
        Assert.NotEqual(ClientAddress.Unknown, application.ClientKey);
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } folder)
            await resident.ScreenshotAsync(new() { Path = Path.Combine(folder, "bin-join.png") });
    }

    [Fact]
    public async Task The_public_page_needs_no_sign_in_but_its_circuit_reaches_no_other_page()
    {
        var resident = await browser.NewPageAsync();
        await OpenJoinPageAsync(resident);
        // No member counts in public.
        await Assertions.Expect(resident.Locator(".map-legend")).Not.ToContainTextAsync("leden");

        // Navigating inside the anonymous circuit to the dashboard's pages leads to the sign-in page.
        foreach (var page in new[] { "/", "/networks", "/join-requests" })
        {
            await resident.EvaluateAsync("url => Blazor.navigateTo(url)", page);
            await BrowserFixture.AtSignInAsync(resident);
            await Assertions.Expect(resident.Locator("input[name=username]")).ToBeVisibleAsync();
            await OpenJoinPageAsync(resident);
        }
    }

    /// <summary>
    /// Opens the public page and waits until its map has drawn the networks: by then the circuit's router intercepts
    /// navigation. Earlier, on a busy machine, <c>Blazor.navigateTo</c> can still take the enhanced-navigation path.
    /// </summary>
    private static async Task OpenJoinPageAsync(IPage resident)
    {
        await resident.GotoAsync("join");
        await BrowserFixture.WaitForCircuitAsync(resident);
        await Assertions.Expect(resident.GetByTestId("live-map").Locator("path.network-polygon")).ToHaveCountAsync(7, new() { Timeout = 30_000 });
    }

    private async Task<string> CodeSentToAsync(string e164) =>
        Regex.Match(await MessageToAsync(e164, m => Regex.IsMatch(m, @"\b\d{6}\b")), @"\b(\d{6})\b").Groups[1].Value;

    /// <summary>Waits (the outbox sends in the background) for a message to <paramref name="e164"/> that matches.</summary>
    private async Task<string> MessageToAsync(string e164, Func<string, bool> matches) =>
        await Eventually.FindAsync(async () => (await MessagesToAsync(e164)).FirstOrDefault(matches), TimeSpan.FromSeconds(20));

    /// <summary>What the SMS simulator carried to <paramref name="e164"/>, through its API on the same Kestrel the browser uses.</summary>
    private async Task<IReadOnlyList<string>> MessagesToAsync(string e164)
    {
        using var http = new HttpClient { BaseAddress = browser.BaseUrl };
        var token = await (await http.PostAsJsonAsync("api/auth/token", new { username = "admin", password = BrowserFixture.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var messages = await http.GetFromJsonAsync<JsonElement>($"api/sms-simulator/messages?to={Uri.EscapeDataString(e164)}");
        return messages.EnumerateArray().Select(m => m.GetProperty("body").GetString() ?? "").ToList();
    }
}
