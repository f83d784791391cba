using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Networks.Pages;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Joining;
using Bin.Testing;
using Bunit;
using Marten;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Tests.Layout;

/// <summary>Pages show sentences, never keys, ids or another page's heading (issue 11, build item 10).</summary>
public class RawTextTests : BunitContext, IClassFixture<HostFixture>
{
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;
    private readonly HostFixture _host;

    public RawTextTests(HostFixture host)
    {
        _host = host;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Services.AddSingleton(host.App.Service<MemberImport>());
        Services.AddSingleton(host.App.Service<NetworkCommands>());
        Services.AddSingleton(host.App.Service<NetworkDirectory>());
        Services.AddSingleton(host.App.Service<IDocumentStore>());
        Services.AddSingleton(host.App.Service<LiveFeed>());
        Services.AddSingleton(host.App.Service<JoinService>());
        Services.AddSingleton(host.App.Service<TimeProvider>());
    }

    private void SignInAs(string role, Guid? network = null)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(role);
        auth.SetRoles(role);
        if (network is { } id) auth.SetClaims(new Claim(BinClaims.Network, id.ToString()));
    }

    [Fact]
    public void The_boundary_import_and_the_member_import_each_have_their_own_heading()
    {
        SignInAs(Roles.Admin);

        var boundaries = Render<ImportBoundaries>();
        var members = Render<MemberImportForm>(p => p.Add(f => f.NetworkId, Kerkplein));

        Assert.Equal("Grenzen importeren", boundaries.Find("h2").TextContent);
        Assert.Equal("Ledenlijst importeren (CSV)", members.Find("h2").TextContent);
    }

    [Fact]
    public void A_rejected_boundary_file_names_the_area_by_its_place_in_the_file_not_as_object()
    {
        SignInAs(Roles.Admin);
        var page = Render<ImportBoundaries>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Zonder vorm"},"geometry":null}]}""", "grenzen.geojson"));

        page.WaitForAssertion(() => Assert.Contains("Gebied 1 in het bestand", page.Find("[data-testid=import-problems]").TextContent));
        Assert.DoesNotContain("Object", page.Find("[data-testid=import-problems]").TextContent);
    }

    [Fact]
    public void A_coordinator_s_scheduled_page_speaks_of_their_networks_and_a_chief_s_of_the_whole_zone()
    {
        SignInAs(Roles.Coordinator, Kerkplein);
        var coordinator = Render<ScheduledPage>();
        coordinator.WaitForAssertion(() => Assert.Contains("in de netwerken die u coördineert", coordinator.Find("[data-testid=scheduled-explain]").TextContent));
        Assert.DoesNotContain("hele zone", coordinator.Find("[data-testid=scheduled-explain]").TextContent);
    }

    [Fact]
    public void A_chief_s_scheduled_page_speaks_of_the_whole_zone()
    {
        SignInAs(Roles.Chief);
        var chief = Render<ScheduledPage>();
        chief.WaitForAssertion(() => Assert.Contains("in de hele zone", chief.Find("[data-testid=scheduled-explain]").TextContent));
    }

    [Fact]
    public void Feedback_is_labelled_with_its_template_s_title_never_its_id()
    {
        Assert.Equal("Verdachte gevat", FeedbackLabels.TemplateTitle("feedback-suspect-caught"));
        Assert.Equal("Eigen tekst", FeedbackLabels.TemplateTitle(null));
    }

    [Fact]
    public async Task The_join_requests_badge_counts_pending_requests_and_follows_a_new_one_live()
    {
        SignInAs(Roles.Coordinator, Kerkplein);
        var join = _host.App.Service<JoinService>();
        await ConfirmedRequestAsync(join, "+32471000901", "client-badge-1");
        var before = (await join.PendingAsync(CoordinatorOfKerkplein(), default)).Count;

        var badge = Render<JoinRequestsBadge>();
        badge.WaitForAssertion(() => Assert.Equal(before.ToString(CultureInfo.InvariantCulture), badge.Find("[data-testid=join-requests-badge]").TextContent));

        await ConfirmedRequestAsync(join, "+31641000902", "client-badge-2");

        badge.WaitForAssertion(() => Assert.Equal((before + 1).ToString(CultureInfo.InvariantCulture), badge.Find("[data-testid=join-requests-badge]").TextContent));
        Assert.Contains("Wachtend op een beslissing", badge.Find("[data-testid=join-requests-badge]").GetAttribute("title"));
    }

    private static ClaimsPrincipal CoordinatorOfKerkplein() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "coordinator"), new Claim(ClaimTypes.Role, Roles.Coordinator), new Claim(BinClaims.Network, Kerkplein.ToString())], "test"));

    private async Task ConfirmedRequestAsync(JoinService join, string phone, string client)
    {
        var id = await join.RequestAsync(new JoinForm(JoinPurpose.Join, 51.2307, 5.3135, Kerkplein, "Lotte Vermeulen", phone, "nl", Consent: true), client, default);
        var options = _host.App.Service<IOptions<EventStoreOptions>>().Value;
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT body FROM {options.Schema}.bin_outbox WHERE application_id = @id AND kind = 'joincode'", connection);
        command.Parameters.AddWithValue("id", id);
        var code = Regex.Match((string)(await command.ExecuteScalarAsync())!, @"\b\d{6}\b").Value;
        Assert.Equal(ConfirmOutcome.Confirmed, await join.ConfirmAsync(id, code, default));
    }
}
