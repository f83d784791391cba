using System.Globalization;
using Bin.Dashboard.Features.Addresses;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Addresses;

/// <summary>The administrators' import page over a real index (its own host: it replaces the demo set).</summary>
public class AddressesPageTests : BunitContext, IClassFixture<HostFixture>
{
    public AddressesPageTests(HostFixture host)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Services.AddSingleton(host.App.Service<ImportAddresses>());
        Services.AddSingleton(host.App.Service<LocalAddressIndex>());
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin);
    }

    [Fact]
    public void A_rejected_file_lists_each_bad_line_in_dutch_and_keeps_the_demo_set_then_a_good_file_replaces_it()
    {
        var page = Render<AddressesPage>();
        page.WaitForAssertion(() => Assert.Contains("demo-adressen", page.Find("[data-testid=addresses-count]").TextContent));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(string.Join("\n",
            AddressFiles.Header,
            AddressFiles.Line("1", "Vrijheidslaan", "7", 51.2330, 5.3200),
            AddressFiles.Line("2", "", "9", 51.2331, 5.3201)), "adressen.csv"));

        page.WaitForAssertion(() => Assert.Contains("Regel 3: De straatnaam (STRAATNM) ontbreekt.", page.Find("[data-testid=addresses-import-problems]").TextContent));
        Assert.Contains("er is niets bewaard", page.Find("[data-testid=addresses-import-problems]").TextContent);
        Assert.Contains("demo-adressen", page.Find("[data-testid=addresses-count]").TextContent);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(string.Join("\n",
            AddressFiles.Header,
            AddressFiles.Line("1", "Vrijheidslaan", "7", 51.2330, 5.3200),
            AddressFiles.Line("2", "Vrijheidslaan", "9", 51.2331, 5.3201)), "adressen.csv"));

        page.WaitForAssertion(() => Assert.Contains("2 adressen in de zone geïmporteerd", page.Find("[data-testid=addresses-import-ok]").TextContent));
        Assert.Equal("Nu in de index: 2 adressen.", page.Find("[data-testid=addresses-count]").TextContent);
    }
}
