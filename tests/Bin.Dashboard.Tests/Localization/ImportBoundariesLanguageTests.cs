using System.Globalization;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Networks.Pages;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Localization;

/// <summary>The boundary import page tells a broken file in the administrator's language, never in the parser's words.</summary>
public class ImportBoundariesLanguageTests : BunitContext, IClassFixture<HostFixture>
{
    public ImportBoundariesLanguageTests(HostFixture host)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Services.AddSingleton(host.App.Service<NetworkCommands>());
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(Roles.Admin);
    }

    [Fact]
    public void A_file_that_is_not_json_is_reported_as_a_dutch_sentence_with_line_and_position()
    {
        var page = Render<ImportBoundaries>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("{\"type\": \"FeatureCollection\", \"features\": b}", "grenzen.geojson"));

        page.WaitForAssertion(() => Assert.Contains("Dit is geen geldige JSON: de tekst loopt fout op regel 1, positie 43.",
            page.Find("[data-testid=import-problems]").TextContent));
        Assert.DoesNotContain("invalid start", page.Find("[data-testid=import-problems]").TextContent);
    }

    [Fact]
    public void A_feature_with_an_unreadable_geometry_is_reported_in_dutch()
    {
        var page = Render<ImportBoundaries>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Kapot"},"geometry":{"type":"Polygon","coordinates":[["x"]]}}]}""",
            "grenzen.geojson"));

        page.WaitForAssertion(() => Assert.Contains("De geometrie kan niet gelezen worden", page.Find("[data-testid=import-problems]").TextContent));
    }
}
