using System.Net.Http.Json;
using System.Security.Claims;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Dashboard.Tests.Alerts;
using Bin.Testing;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Incidents;

/// <summary>The console's parts that read and write the database: the sound preference on the account and the full
/// timeline of an incident, rendered with bUnit on the services of a real host.</summary>
public class ConsolePanelTests : BunitContext, IClassFixture<HostFixture>
{
    private readonly HostFixture _host;
    private readonly BunitJSModuleInterop _sound;

    public ConsolePanelTests(HostFixture host)
    {
        _host = host;
        Services.AddSingleton(host.App.Service<IDocumentStore>());
        Services.AddSingleton(host.App.Service<LiveFeed>());
        Services.AddSingleton(host.App.Service<NetworkDirectory>());
        Services.AddSingleton(host.App.Service<TimeProvider>());
        Services.AddSingleton(host.App.Service<ConsolePreferences>());
        JSInterop.Mode = JSRuntimeMode.Strict;
        _sound = JSInterop.SetupModule("./Features/Incidents/NewIncidentSound.razor.js");
        _sound.SetupVoid("prepare").SetVoidResult();
        _sound.SetupVoid("chime").SetVoidResult();
    }

    private static ClaimsPrincipal Principal(string user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test", ClaimTypes.Name, ClaimTypes.Role));

    private void SignIn(string user, string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(role);
    }

    private async Task<UserAccount> AccountAsync(string user)
    {
        await using var session = _host.App.Service<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<UserAccount>(user))!;
    }

    [Fact]
    public async Task The_sound_is_off_by_default_and_turning_it_on_keeps_it_on_the_account_and_nothing_else_changes()
    {
        SignIn("dispatcher", Roles.Dispatcher);
        var before = await AccountAsync("dispatcher");
        var toggle = Render<NewIncidentSound>(p => p.Add(s => s.Arrivals, 0));
        toggle.WaitForAssertion(() => Assert.Equal("false", toggle.Find("[data-testid=sound-toggle]").GetAttribute("aria-pressed")));
        Assert.False(before.NewIncidentSound);

        await toggle.InvokeAsync(() => toggle.Find("[data-testid=sound-toggle]").Click());

        Assert.Equal("true", toggle.Find("[data-testid=sound-toggle]").GetAttribute("aria-pressed"));
        // Turning it on plays the tone once, so the user knows what to expect; the choice is stored after that.
        toggle.WaitForAssertion(() => Assert.Single(_sound.Invocations["chime"]));
        Assert.True(await Eventually.WithinAsync(async () => (await AccountAsync("dispatcher")).NewIncidentSound, TimeSpan.FromSeconds(10)),
            "the choice never reached the account");
        var after = await AccountAsync("dispatcher");
        Assert.Equal((before.SecurityStamp, before.PasswordHash), (after.SecurityStamp, after.PasswordHash));
        Assert.Equal(before.Roles, after.Roles);
        Assert.True(await _host.App.Service<ConsolePreferences>().NewIncidentSoundAsync(Principal("Dispatcher"), default));
        Assert.Single(_sound.Invocations["chime"]);
    }

    [Fact]
    public void The_sound_toggle_draws_its_bell_and_needs_no_emoji_font()
    {
        SignIn("dispatcher", Roles.Dispatcher);
        var toggle = Render<NewIncidentSound>(p => p.Add(s => s.Arrivals, 0));

        var button = toggle.Find("[data-testid=sound-toggle]");
        Assert.Equal("true", button.QuerySelector("svg.bell")?.GetAttribute("aria-hidden"));
        // Characters beyond the basic plane (emoji) show as an empty box where no font has them.
        Assert.DoesNotContain(button.TextContent, char.IsSurrogate);
        Assert.Equal("Geluid", button.TextContent.Trim());
    }

    [Fact]
    public async Task With_the_sound_on_each_arrival_sounds_once()
    {
        SignIn("chief", Roles.Chief);
        await _host.App.Service<ConsolePreferences>().SetNewIncidentSoundAsync(Principal("chief"), true, default);
        var sound = Render<NewIncidentSound>(p => p.Add(s => s.Arrivals, 3));
        sound.WaitForAssertion(() => Assert.Equal("true", sound.Find("[data-testid=sound-toggle]").GetAttribute("aria-pressed")));
        Assert.Empty(_sound.Invocations["chime"]);

        sound.Render(p => p.Add(s => s.Arrivals, 4));
        sound.Render(p => p.Add(s => s.Arrivals, 4));

        Assert.Single(_sound.Invocations["chime"]);
        Assert.Equal("1", sound.Find("[data-testid=sound-toggle]").GetAttribute("data-played"));
    }

    [Fact]
    public async Task With_the_sound_off_an_arrival_stays_silent()
    {
        SignIn("admin", Roles.Admin);
        await _host.App.Service<ConsolePreferences>().SetNewIncidentSoundAsync(Principal("admin"), false, default);
        var sound = Render<NewIncidentSound>(p => p.Add(s => s.Arrivals, 0));
        sound.WaitForAssertion(() => Assert.Equal("false", sound.Find("[data-testid=sound-toggle]").GetAttribute("aria-pressed")));

        sound.Render(p => p.Add(s => s.Arrivals, 1));

        Assert.Empty(_sound.Invocations["chime"]);
    }

    [Fact]
    public async Task The_timeline_has_every_step_reported_alert_acknowledgements_as_a_running_count_replies_and_closing()
    {
        var scenario = new AlertScenario(_host.App);
        var members = await scenario.ImportMembersAsync(AlertScenario.Parelstrand, 3, "478");
        var incident = await scenario.IncidentAsync(51.2470, 5.3450);
        var issued = await scenario.AlertAsync(incident, AlertScenario.Parelstrand);
        await scenario.WaitUntilHandedOverAsync(issued.AlertId);
        var webhook = _host.App.CreateClient();
        Assert.True((await webhook.SendAsync(TwilioSigner.Inbound(members[0], "OK"))).IsSuccessStatusCode);
        Assert.True((await webhook.SendAsync(TwilioSigner.Inbound(members[1], "OK"))).IsSuccessStatusCode);
        Assert.True((await webhook.SendAsync(TwilioSigner.Inbound(members[2], "Blauwe wagen aan de slagboom"))).IsSuccessStatusCode);
        await scenario.RecordedAsync();
        var officer = await _host.App.ClientForAsync("officer");
        (await officer.PostAsJsonAsync($"/api/incidents/{incident}/close", new { outcome = "nothing-found" })).EnsureSuccessStatusCode();
        SignIn("officer", Roles.Officer);

        var timeline = Render<IncidentTimeline>(p => p.Add(t => t.IncidentId, incident).Add(t => t.Version, 2));

        timeline.WaitForAssertion(() =>
        {
            Assert.Contains("officer", timeline.Find("[data-testid=timeline-reported]").TextContent);
            var alert = timeline.Find("[data-testid=timeline-alert]").TextContent;
            Assert.Contains($"{issued.Recipients} ontvangers: Parelstrand", alert);
            Assert.Contains("officer", alert);
            Assert.EndsWith($"Bevestigingen: 2 van {issued.Recipients}", timeline.FindAll("[data-testid=timeline-acks]")[^1].TextContent.Trim());
            Assert.Contains("Blauwe wagen aan de slagboom", timeline.Find("[data-testid=timeline-reply]").TextContent);
            Assert.Contains("Afgesloten", timeline.Find("[data-testid=timeline-closed]").TextContent);
        });
        var kinds = timeline.FindAll("li").Select(li => li.GetAttribute("data-testid")).ToList();
        Assert.Equal("timeline-reported", kinds[0]);
        Assert.True(kinds.IndexOf("timeline-alert") < kinds.IndexOf("timeline-acks"));
        Assert.Equal("timeline-closed", kinds[^1]);
    }
}
