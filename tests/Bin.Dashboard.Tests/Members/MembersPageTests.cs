using System.Globalization;
using System.Security.Claims;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Testing;
using Bunit;
using Marten;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using static Bin.Dashboard.Tests.Members.MemberTestData;

namespace Bin.Dashboard.Tests.Members;

/// <summary>The members page and its forms, rendered with bUnit over the real member services of a test host.</summary>
public class MembersPageTests : BunitContext, IClassFixture<HostFixture>
{
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;
    private readonly HostFixture _host;

    public MembersPageTests(HostFixture host)
    {
        _host = host;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Services.AddSingleton(host.App.Service<MemberCommands>());
        Services.AddSingleton(host.App.Service<MemberImport>());
        Services.AddSingleton(host.App.Service<IDocumentStore>());
        Services.AddSingleton(host.App.Service<LiveFeed>());
        Services.AddSingleton(host.App.Service<IMemberDirectory>());
        var auth = AddAuthorization();
        auth.SetAuthorized("coordinator");
        auth.SetRoles(Roles.Coordinator);
        auth.SetClaims(new Claim(BinClaims.Network, Kerkplein.ToString()));
    }

    private static string? ErrorFor(IRenderedComponent<MemberForm> form, string field) =>
        form.FindAll($".field-error[data-field='{field}']").SingleOrDefault()?.TextContent;

    [Fact]
    public void Saving_an_empty_member_form_names_every_missing_field_in_Dutch()
    {
        var form = Render<MemberForm>(p => p.Add(f => f.NetworkId, Kerkplein));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Naam", ErrorFor(form, "name")));
        Assert.Contains("Gsm-nummer", ErrorFor(form, "phone"));
        Assert.Contains("Toestemming", ErrorFor(form, "consentMethod"));
        Assert.Null(ErrorFor(form, "language"));
    }

    [Fact]
    public void A_landline_is_named_with_its_reason_and_a_valid_member_is_saved()
    {
        var registered = 0;
        var form = Render<MemberForm>(p => p.Add(f => f.NetworkId, Kerkplein).Add(f => f.OnRegistered, () => registered++));
        form.Find("[data-testid=member-name]").Change("Jef Vaes");
        form.Find("[data-testid=member-phone]").Change("011 54 00 00");
        form.Find("[data-testid=member-consent]").Change("papieren formulier op infoavond");

        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains("vast nummer", ErrorFor(form, "phone")));
        Assert.Equal(0, registered);

        form.Find("[data-testid=member-phone]").Change(NewPhone());
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Jef Vaes", form.Find("[data-testid=member-saved]").TextContent));
        Assert.Equal(1, registered);
        Assert.Null(ErrorFor(form, "phone"));
    }

    [Fact]
    public void An_uploaded_file_with_a_bad_row_shows_the_row_and_stores_nothing()
    {
        var import = Render<MemberImportForm>(p => p.Add(f => f.NetworkId, Kerkplein));

        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            $"naam;gsm;taal\nGoed Lid;{NewPhone()};nl\nFout Nummer;12345;nl\n", "leden.csv"));
        import.Find("[data-testid=import-start]").Click();

        import.WaitForAssertion(() => Assert.Contains("niets opgeslagen", import.Find("[data-testid=import-report]").TextContent));
        var row = Assert.Single(import.FindAll("[data-testid=import-row]"));
        Assert.StartsWith("3", row.TextContent.Trim());
        Assert.Contains("ongeldig", row.TextContent);
    }

    [Fact]
    public async Task The_coordinator_sees_Kerkplein_members_with_masked_numbers_and_is_refused_Leuken()
    {
        var phone = NewPhone();
        await RegisterAsync(await _host.App.ClientForAsync("admin"), Kerkplein, "Zichtbaar Lid", phone);

        var page = Render<MembersPage>(p => p.Add(x => x.NetworkId, Kerkplein));

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=member-row]"), r => r.TextContent.Contains("Zichtbaar Lid")));
        Assert.Contains("Kerkplein", page.Find("h1").TextContent);
        var row = page.FindAll("[data-testid=member-row]").Single(r => r.TextContent.Contains("Zichtbaar Lid"));
        Assert.Contains("••", row.TextContent);
        Assert.DoesNotContain(phone.Replace(" ", "")[1..], row.TextContent.Replace(" ", ""));

        var leuken = Render<MembersPage>(p => p.Add(x => x.NetworkId, NetworkIdAsync(_host.App, "Leuken").Result));
        Assert.NotNull(leuken.Find("[data-testid=members-denied]"));
        Assert.Empty(leuken.FindAll("[data-testid=member-row]"));
    }

    [Fact]
    public void A_coordinator_of_one_network_is_taken_straight_to_it()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        var index = Render<MembersIndex>();

        index.WaitForAssertion(() => Assert.EndsWith($"/networks/{Kerkplein}/members", navigation.Uri));
    }
}
