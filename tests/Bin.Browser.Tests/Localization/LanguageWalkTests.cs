using System.Net.Http.Json;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Marten;

namespace Bin.Browser.Tests.Localization;

/// <summary>
/// Walks the main pages in each UI language, as the roles that use them, and finds no text of another language:
/// the map with the intake, the board, the incident panel and the composer (officer), including what a live
/// update renders; replay and evaluation (chief); networks, a network, members, phones and accounts (admin);
/// the public join page (anonymous, by the cookie alone).
/// </summary>
public class LanguageWalkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// What is not interface text: what people typed (descriptions, names, message texts) and text marked with its
    /// own language (an SMS preview in a member's language carries <c>lang</c>).
    /// </summary>
    private const string NotInterfaceText = ".desc, .sms, .phone, [data-testid=message]";

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Every_main_page_speaks_only_the_chosen_language(string language)
    {
        var foreign = ForeignTexts.For(language);
        var findings = new List<string>();
        var data = await RecordedTextsAsync();

        // Officer: the map page, an incident on the board, its panel and the composer.
        var officer = await browser.SignInAsync("officer");
        await ChooseAsync(officer, language, "/");
        using var api = await ApiAsync("officer");
        await ReportAsync(api, "Twee personen aan de achterdeur");
        var row = officer.GetByTestId("board-row").First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await row.ClickAsync();
        await Assertions.Expect(officer.GetByTestId("selected-incident")).ToBeVisibleAsync();
        await officer.GetByTestId("open-composer").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("composer-networks")).ToBeVisibleAsync();
        await CheckAsync(officer, "/ (officer: board, incident, composer)");
        // A live update (another incident reported elsewhere) re-renders the board on the circuit's own culture.
        // Waited for by its id: the board shows its newest rows only, so with many open incidents the count stays put.
        var arrived = await ReportAsync(api, "Fietsendiefstal aan het station");
        await Assertions.Expect(officer.Locator($"[data-testid=board-row][data-incident='{arrived}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await CheckAsync(officer, "/ (officer, after a live update)");
        await officer.Context.CloseAsync();

        var chief = await browser.SignInAsync("chief");
        await ChooseAsync(chief, language, "/replay");
        await CheckAsync(chief, "/replay");
        await VisitAsync(chief, "/evaluation");
        await CheckAsync(chief, "/evaluation");
        await chief.Context.CloseAsync();

        var admin = await browser.SignInAsync("admin");
        await ChooseAsync(admin, language, "/networks");
        await CheckAsync(admin, "/networks");
        foreach (var path in new[] { $"/networks/{NetworkSeed.KerkpleinId}", $"/networks/{NetworkSeed.KerkpleinId}/members", "/phones", "/accounts" })
        {
            await VisitAsync(admin, path);
            await CheckAsync(admin, path);
        }
        await admin.Context.CloseAsync();

        var resident = await browser.NewPageAsync();
        await resident.GotoAsync($"culture/{language}?returnUrl=/join");
        await BrowserFixture.WaitForCircuitAsync(resident);
        await CheckAsync(resident, "/join");
        await resident.Context.CloseAsync();

        Assert.True(findings.Count == 0, $"Texts of another language than {language}:\n" + string.Join("\n", findings));

        async Task CheckAsync(IPage page, string where)
        {
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            var text = await VisibleTextAsync(page, language);
            // What was recorded is shown as recorded (user and display names, how a member consented), in whatever
            // language it was typed: it is data, not interface text.
            foreach (var recorded in data) text = text.Replace(recorded, "\n", StringComparison.Ordinal);
            findings.AddRange(ForeignTexts.FoundIn(text, foreign).Select(f => $"{where}: \"{f}\""));
        }
    }

    /// <summary>Texts people recorded that pages show as they are, longest first.</summary>
    private async Task<IReadOnlyList<string>> RecordedTextsAsync()
    {
        await using var session = browser.Host.App.Service<IDocumentStore>().QuerySession();
        var accounts = await session.Query<UserAccount>().ToListAsync();
        var consents = await session.Query<MemberView>().Select(m => m.ConsentMethod).ToListAsync();
        return accounts.SelectMany(a => new[] { a.Id, a.DisplayName }).Concat(consents)
            .Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().OrderByDescending(t => t.Length).ToList();
    }

    /// <summary>Picks the language with the header's switch (stored on the account) and lands on <paramref name="path"/>.</summary>
    private static async Task ChooseAsync(IPage page, string language, string path)
    {
        await page.GotoAsync($"culture/{language}?returnUrl={Uri.EscapeDataString(path)}");
        await BrowserFixture.WaitForCircuitAsync(page);
    }

    private static async Task VisitAsync(IPage page, string path)
    {
        await page.GotoAsync(path.TrimStart('/'));
        await BrowserFixture.WaitForCircuitAsync(page);
        // Pages load their data after the circuit starts; let the network settle before reading them.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>An API client of the Kestrel host, with a bearer token.</summary>
    private async Task<HttpClient> ApiAsync(string user)
    {
        var client = new HttpClient { BaseAddress = browser.BaseUrl };
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = BrowserFixture.DemoPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<Guid> ReportAsync(HttpClient api, string description)
    {
        var response = await api.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "burglary", description });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// The visible text of the page (text nodes of rendered elements, options of selects, placeholders), leaving out
    /// what is not interface text and what is marked with another language.
    /// </summary>
    private static Task<string> VisibleTextAsync(IPage page, string language) =>
        page.EvaluateAsync<string>("""
            ([skip, lang]) => {
              const excluded = el => el.closest(skip) || [...ancestors(el)].some(a => a.hasAttribute('lang') && a !== document.documentElement && a.getAttribute('lang') !== lang);
              function* ancestors(el) { for (let a = el; a; a = a.parentElement) yield a; }
              const parts = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const el = node.parentElement;
                if (!el || !node.textContent.trim() || excluded(el)) continue;
                const inSelect = el.closest('select');
                if (inSelect ? inSelect.checkVisibility() : el.checkVisibility()) parts.push(node.textContent.trim());
              }
              for (const input of document.querySelectorAll('[placeholder]'))
                if (input.checkVisibility() && !excluded(input)) parts.push(input.getAttribute('placeholder'));
              return parts.join('\n');
            }
            """, new object[] { NotInterfaceText, language });
}
