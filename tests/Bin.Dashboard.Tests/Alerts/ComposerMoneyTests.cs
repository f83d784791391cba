using System.Globalization;
using System.Text.RegularExpressions;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Networks;
using Bunit;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>The composer writes its estimate as money in the user's culture ("€ 19,52" in Dutch).</summary>
public class ComposerMoneyTests(DutchRateHostFixture host) : ComposerContext(host.App), IClassFixture<DutchRateHostFixture>
{
    [Theory]
    [InlineData("nl-BE", @"≈ € \d+,\d\d$")]
    [InlineData("en", @"≈ €\d+\.\d\d$")]
    public void The_estimate_is_written_in_the_user_s_culture(string culture, string pattern)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var incident = new IncidentView { Id = Guid.NewGuid(), Category = "suspicious-person", NetworkIds = [NetworkSeed.KerkpleinId] };

        var composer = Render<AlertComposer>(p => p.Add(c => c.Incident, incident).Add(c => c.SelectedNetworks, [NetworkSeed.KerkpleinId]));

        composer.WaitForAssertion(() =>
        {
            var totals = composer.Find("[data-testid=composer-totals]").TextContent.Replace('\u00A0', ' ').Trim();
            Assert.Matches(new Regex(pattern), totals);
        });
    }
}
