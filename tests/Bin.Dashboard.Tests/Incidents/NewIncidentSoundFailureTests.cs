using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.Auth;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Incidents;

/// <summary>The sound toggle when its preference cannot be read or stored: the console goes on, the toggle says so.</summary>
public class NewIncidentSoundFailureTests : BunitContext
{
    public NewIncidentSoundFailureTests()
    {
        // Nothing listens on the discard port: every read and write of the preference fails at once.
        var unreachable = DocumentStore.For("Host=127.0.0.1;Port=9;Database=bin;Username=bin;Password=bin;Timeout=2;Pooling=false");
        Services.AddSingleton<IDocumentStore>(unreachable);
        Services.AddSingleton(new ConsolePreferences(unreachable));
        JSInterop.Mode = JSRuntimeMode.Strict;
        var sound = JSInterop.SetupModule("./Features/Incidents/NewIncidentSound.razor.js");
        sound.SetupVoid("prepare").SetVoidResult();
        sound.SetupVoid("chime").SetVoidResult();
        var auth = AddAuthorization();
        auth.SetAuthorized("dispatcher");
        auth.SetRoles(Roles.Dispatcher);
    }

    [Fact]
    public void A_preference_that_cannot_be_read_or_saved_leaves_the_sound_off_and_says_so_beside_the_toggle()
    {
        var toggle = Render<NewIncidentSound>(p => p.Add(s => s.Arrivals, 0));

        toggle.WaitForAssertion(() => Assert.Equal("Geluidsinstelling niet gelezen: het geluid staat uit.", toggle.Find("[data-testid=sound-error]").TextContent));
        Assert.Equal("false", toggle.Find("[data-testid=sound-toggle]").GetAttribute("aria-pressed"));

        toggle.Find("[data-testid=sound-toggle]").Click();

        toggle.WaitForAssertion(() => Assert.Equal("Geluidsinstelling niet bewaard; probeer opnieuw.", toggle.Find("[data-testid=sound-error]").TextContent));
        Assert.Equal("false", toggle.Find("[data-testid=sound-toggle]").GetAttribute("aria-pressed"));
    }
}
