using System.Globalization;
using Bin.Dashboard.Features.Joining;
using Bin.Domain.Members;
using Bin.Domain.Networks;
using Bunit;

namespace Bin.Dashboard.Tests.Joining;

public class JoinDetailsTests : BunitContext
{
    [Fact]
    public void A_refused_number_shows_the_rule_and_the_reason_in_dutch()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        var reason = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("+44 7911 123456")).Message;
        var lookup = new JoinLookup(51.2307, 5.3135, [new NetworkChoice(Guid.NewGuid(), "Kerkplein", NetworkStatus.Active)], [], []);

        var details = Render<JoinDetails>(p => p.Add(d => d.Lookup, lookup).Add(d => d.Purpose, JoinPurpose.Join)
            .Add(d => d.Errors, new Dictionary<string, string> { ["phone"] = reason }));

        var problem = details.Find(".field-error[data-field=phone]").TextContent;
        Assert.Contains("België of een buurland", problem);
        Assert.Contains("+44 7911 123456: alleen gsm-nummers uit België, Nederland, Frankrijk, Duitsland en Luxemburg worden aanvaard.", problem);
    }
}
