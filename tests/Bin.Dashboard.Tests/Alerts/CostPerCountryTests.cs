using System.Security.Claims;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Lang = Bin.Domain.Members.Language;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>A host where a segment to a Dutch mobile costs more than one to a Belgian mobile.</summary>
public sealed class DutchRateHostFixture : IAsyncLifetime
{
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BinAppFactory.StartAsync(new Dictionary<string, string?>
    {
        ["Sms:CostPerSegment"] = "0.08",
        ["Sms:CostPerSegmentByCountry:NL"] = "0.50",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class CostPerCountryTests(DutchRateHostFixture host) : IClassFixture<DutchRateHostFixture>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

    [Fact]
    public async Task The_composer_s_estimate_prices_a_dutch_mobile_at_the_dutch_rate()
    {
        var commands = host.App.Service<AlertCommands>();
        var networks = new[] { NetworkSeed.KerkpleinId };
        var before = await commands.PreviewAsync(networks, "suspicious-person-describe", null, default);
        Assert.Equal(before.Segments * 0.08m, before.EstimatedCost);

        await host.App.Service<MemberCommands>().RegisterAsync(NetworkSeed.KerkpleinId,
            new NewMember("Sanne de Vries", "+31 6 42 00 00 01", "nl", "paper form at info evening"), Admin, default);
        var after = await commands.PreviewAsync(networks, "suspicious-person-describe", null, default);

        var dutchSegments = after.Texts.ByLanguage[Lang.Nl].Sms.Segments;
        Assert.Equal(before.Recipients + 1, after.Recipients);
        Assert.Equal(before.Segments + dutchSegments, after.Segments);
        Assert.Equal(before.EstimatedCost + dutchSegments * 0.50m, after.EstimatedCost);
    }
}
