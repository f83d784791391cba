using System.Text.RegularExpressions;
using Bin.Domain.Incidents;

namespace Bin.Browser.Tests.Dispatch;

/// <summary>The dispatcher's console at night: what is new draws the eye, closing is deliberate, markers at one place
/// stay reachable, and everything works from the keyboard.</summary>
public class ConsoleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private ConsoleScenario Scenario => new(browser.Host);

    [Fact]
    public async Task An_incident_posted_by_the_API_shows_highlighted_and_counted_in_the_title_until_it_is_opened()
    {
        var page = await browser.SignInAsync("dispatcher");
        await Assertions.Expect(page.GetByTestId("incident-board")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(@"^Live kaart"));

        var id = await Scenario.ReportAsync(await Scenario.InsideAsync("Kerkplein"), "Man probeert autodeuren aan de kerk");

        var row = page.Locator($"[data-testid=board-row][data-incident='{id}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-new", "true");
        await Assertions.Expect(row.GetByTestId("new-badge")).ToHaveTextAsync("Nieuw");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(@"^\(1\) Live kaart"));
        await Assertions.Expect(page.GetByTestId("board-new-count")).ToHaveTextAsync("1 nieuw");

        await row.ClickAsync();

        await Assertions.Expect(page.GetByTestId("selected-incident")).ToContainTextAsync("Man probeert autodeuren");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-new", "false");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(@"^Live kaart"));
        await Assertions.Expect(page.GetByTestId("board-new-count")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_new_incident_brings_an_open_map_its_own_marker_and_leaves_the_others_untouched_and_a_closed_one_takes_only_its_own_away()
    {
        var page = await browser.SignInAsync("dispatcher");
        await Assertions.Expect(page.GetByTestId("incident-board")).ToBeVisibleAsync();
        var at = await Scenario.InsideAsync("Servaesdreef");
        var first = await Scenario.ReportAsync(at, "Eerste melding aan de dreef");
        await Assertions.Expect(page.Locator($"[data-testid=map-markers] [data-marker*='{first}']")).ToHaveCountAsync(1);
        var markers = await page.Locator("[data-testid=map-markers] [data-marker]").CountAsync();
        // What the render changes among the markers' elements, as the browser applies it.
        await page.EvaluateAsync(@"() => {
            window.markerChanges = { added: 0, removed: 0, changed: 0 };
            new MutationObserver(records => { for (const r of records) {
                window.markerChanges.added += r.addedNodes.length;
                window.markerChanges.removed += r.removedNodes.length;
                if (r.type === 'attributes') window.markerChanges.changed++;
            } }).observe(document.querySelector('[data-testid=map-markers]'), { childList: true, attributes: true, subtree: true });
        }");

        var second = await Scenario.ReportAsync(at, "Tweede melding aan de dreef");

        await Assertions.Expect(page.Locator($"[data-testid=board-row][data-incident='{second}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=map-markers] [data-marker]")).ToHaveCountAsync(markers + 1);
        Assert.Equal("{\"added\":1,\"removed\":0,\"changed\":0}", await page.EvaluateAsync<string>("() => JSON.stringify(window.markerChanges)"));

        await page.GetByTestId("board-row").Filter(new() { HasText = "Eerste melding aan de dreef" }).ClickAsync();
        var panel = page.GetByTestId("selected-incident");
        await panel.GetByTestId("close-outcome").SelectOptionAsync("FalseAlarm");
        await panel.GetByTestId("close-ask").ClickAsync();
        await panel.GetByTestId("close-confirm").ClickAsync();

        await Assertions.Expect(page.Locator($"[data-testid=map-markers] [data-marker*='{first}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=map-markers] [data-marker]")).ToHaveCountAsync(markers);
        Assert.Equal("{\"added\":1,\"removed\":1,\"changed\":0}", await page.EvaluateAsync<string>("() => JSON.stringify(window.markerChanges)"));
        // On the map the two stood at one place, gathered; the one left stands alone.
        await Assertions.Expect(page.Locator(".incident-marker").Filter(new() { HasText = "Tweede melding aan de dreef" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".incident-marker").Filter(new() { HasText = "Eerste melding aan de dreef" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task With_the_sound_on_a_new_incident_sounds_once_and_the_choice_is_kept_on_the_account()
    {
        var page = await browser.SignInAsync("officer");
        var toggle = page.GetByTestId("sound-toggle");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");

        await toggle.ClickAsync();

        // Turning it on plays the tone once, so the user knows it.
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-played", "1");
        await Scenario.ReportAsync(await Scenario.InsideAsync("West Kei"), "Brandgeur in garage");
        await Assertions.Expect(page.GetByTestId("board-row").Filter(new() { HasText = "Brandgeur in garage" })).ToHaveAttributeAsync("data-new", "true");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-played", "2");

        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("sound-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByTestId("sound-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sound-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Theory]
    [InlineData("dispatcher", 1366, 768)]
    [InlineData("dispatcher", 1440, 900)]
    [InlineData("officer", 1366, 768)]
    [InlineData("officer", 1440, 900)]
    public async Task The_board_is_in_view_without_scrolling(string user, int width, int height)
    {
        await Scenario.ReportAsync(await Scenario.InsideAsync("Molle Hoeven"), $"Zichtbaar op {width}×{height}");
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user);

        var firstRow = page.GetByTestId("board-row").First;
        await Assertions.Expect(firstRow).ToBeVisibleAsync();
        var box = (await firstRow.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height, $"The first board row lies at {box.Y}–{box.Y + box.Height} px in a {height} px window.");
        Assert.Equal(0, await page.Locator(".side-pane").EvaluateAsync<int>("e => e.scrollTop"));
        // The intake is folded away until asked for.
        await Assertions.Expect(page.GetByTestId("intake-form")).ToBeHiddenAsync();
        await page.GetByTestId("intake-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("intake-form")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Closing_needs_a_chosen_outcome_and_a_confirmation()
    {
        var id = await Scenario.ReportAsync(await Scenario.InsideAsync("Slachthuis"), "Fiets gestolen aan de sporthal", "theft");
        var page = await browser.SignInAsync("officer");
        await page.Locator($"[data-testid=board-row][data-incident='{id}']").ClickAsync();
        var panel = page.GetByTestId("selected-incident");
        await Assertions.Expect(panel).ToContainTextAsync("Fiets gestolen");

        // Nothing is preselected: asking to close without an outcome is refused and changes nothing.
        await Assertions.Expect(panel.GetByTestId("close-outcome")).ToHaveValueAsync("");
        await panel.GetByTestId("close-ask").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("close-error")).ToContainTextAsync("Afloop");
        Assert.Equal(IncidentStatus.Reported, (await Scenario.IncidentAsync(id)).Status);

        // Choosing, then cancelling the confirmation, changes nothing either.
        await panel.GetByTestId("close-outcome").SelectOptionAsync("FalseAlarm");
        await panel.GetByTestId("close-ask").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("close-confirmation")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("close-confirm")).ToBeFocusedAsync();
        await panel.GetByTestId("close-cancel").ClickAsync();
        Assert.Equal(IncidentStatus.Reported, (await Scenario.IncidentAsync(id)).Status);

        await panel.GetByTestId("close-outcome").SelectOptionAsync("FalseAlarm");
        await panel.GetByTestId("close-ask").ClickAsync();
        await panel.GetByTestId("close-confirm").ClickAsync();

        await Assertions.Expect(page.Locator($"[data-testid=board-row][data-incident='{id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByTestId("timeline-closed")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("fact-status")).ToContainTextAsync("afgesloten");
        var closed = await Scenario.IncidentAsync(id);
        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.Equal(IncidentOutcome.FalseAlarm, closed.Outcome);
    }

    [Fact]
    public async Task The_map_opens_on_its_networks_before_it_draws_any_marker()
    {
        await Scenario.ReportAsync(await Scenario.InsideAsync("Molle Hoeven"), "Verdachte persoon bij de vijver");
        var page = await browser.NewPageAsync();
        // Markers drawn before the first view were clustered for the starting zoom and gathered anew when the map moved
        // to its networks, under a pointer already on them (a click on a cluster then opened nothing). Recorded as the
        // browser draws: how many network labels stood when the first marker or cluster appeared.
        await page.AddInitScriptAsync(@"
            window.labelsAtFirstMarker = null;
            new MutationObserver(() => {
                if (window.labelsAtFirstMarker === null && document.querySelector('.incident-marker, .incident-cluster'))
                    window.labelsAtFirstMarker = document.querySelectorAll('.network-label').length;
            }).observe(document, { childList: true, subtree: true });");
        await BrowserFixture.SignInAsync(page, "dispatcher");

        await Assertions.Expect(page.Locator(".incident-marker, .incident-cluster").First).ToBeVisibleAsync();
        Assert.Equal(7, await page.EvaluateAsync<int>("() => window.labelsAtFirstMarker"));
    }

    [Fact]
    public async Task Markers_at_one_place_cluster_and_open_as_a_list_by_mouse_and_by_keyboard()
    {
        var place = await Scenario.InsideAsync("Leuken");
        await Scenario.ReportAsync(place, "Inbraak woning nummer 1");
        var second = await Scenario.ReportAsync(place, "Inbraak woning nummer 2");
        await Scenario.ReportAsync(place, "Inbraak woning nummer 3");
        var page = await browser.SignInAsync("dispatcher");

        var cluster = page.Locator(".incident-cluster").Filter(new() { HasText = "3" });
        await Assertions.Expect(cluster).ToHaveCountAsync(1);
        await cluster.ClickAsync();
        var list = page.Locator(".cluster-list");
        await Assertions.Expect(list.Locator("button.cluster-item")).ToHaveCountAsync(3);
        await Assertions.Expect(list).ToContainTextAsync("3 meldingen op deze plaats");
        await list.Locator($"button.cluster-item[data-incident='{second}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("selected-incident")).ToContainTextAsync("Inbraak woning nummer 2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Melding sluiten" }).ClickAsync();
        await cluster.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(list.Locator("button.cluster-item").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("selected-incident")).ToContainTextAsync("Inbraak woning nummer");
    }

    [Fact]
    public async Task Tab_reaches_a_board_row_and_Enter_opens_it_and_Enter_on_a_focused_marker_opens_its_incident()
    {
        var id = await Scenario.ReportAsync(await Scenario.InsideAsync("Parelstrand"), "Verdachte boot aan de steiger");
        var page = await browser.SignInAsync("dispatcher");
        var newest = page.GetByTestId("board-row").First;
        await Assertions.Expect(newest).ToHaveAttributeAsync("data-incident", id.ToString());

        await page.GetByTestId("filter-text").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(newest).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var panel = page.GetByTestId("selected-incident");
        await Assertions.Expect(panel).ToContainTextAsync("Verdachte boot aan de steiger");

        await page.GetByRole(AriaRole.Button, new() { Name = "Melding sluiten" }).ClickAsync();
        await Assertions.Expect(panel).ToHaveCountAsync(0);
        var marker = page.Locator(".incident-marker").Filter(new() { HasText = "Verdachte boot aan de steiger" });
        await marker.FocusAsync();
        await Assertions.Expect(marker).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(panel).ToContainTextAsync("Verdachte boot aan de steiger");
    }
}
