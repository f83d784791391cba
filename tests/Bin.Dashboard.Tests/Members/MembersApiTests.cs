using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Testing;
using Marten;
using NetTopologySuite.Features;
using static Bin.Dashboard.Tests.Members.MemberTestData;

namespace Bin.Dashboard.Tests.Members;

public class MembersApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;

    private async Task<HttpResponseMessage> PostMemberAsync(object body, string user = "admin", Guid? network = null) =>
        await (await host.App.ClientForAsync(user)).PostAsJsonAsync($"/api/networks/{network ?? Kerkplein}/members", body);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<int> ContactCountAsync()
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return await session.Query<MemberContact>().CountAsync();
    }

    private async Task<int> MemberCountAsync(string user, Guid network)
    {
        var response = await (await host.App.ClientForAsync(user)).GetAsync("/api/networks");
        var features = JsonSerializer.Deserialize<FeatureCollection>(await response.Content.ReadAsStringAsync(), GeoJson.Options)!;
        return Convert.ToInt32(features.Single(f => f.Attributes["id"].ToString() == network.ToString()).Attributes["memberCount"].ToString());
    }

    [Fact]
    public async Task A_coordinator_registers_a_member_and_the_events_hold_neither_number_nor_name()
    {
        var phone = NewPhone();
        var response = await PostMemberAsync(new { name = "Griet Vanderheyden", phone, language = "nl", consentMethod = "paper form at info evening",
            consentAt = "2026-10-15T19:30:00+02:00" }, user: "coordinator");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        Assert.Equal($"/api/members/{id}", response.Headers.Location!.OriginalString);

        var stored = await StoredJsonAsync(host.App, id);
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, json => json.Contains("paper form at info evening"));
        foreach (var json in stored)
        {
            Assert.DoesNotContain(E164(phone)[3..], json.Replace(" ", ""));
            Assert.DoesNotContain(phone.Replace(" ", "")[1..], json);
            Assert.DoesNotContain("Griet", json);
            Assert.DoesNotContain("Vanderheyden", json);
        }

        var members = await (await host.App.ClientForAsync("coordinator")).GetFromJsonAsync<List<GetMembers.Item>>($"/api/networks/{Kerkplein}/members");
        var member = Assert.Single(members!, m => m.Id == id);
        Assert.Equal(("Griet Vanderheyden", E164(phone), "nl", "Active"), (member.Name, member.Phone, member.Language, member.Status));
        Assert.Equal("paper form at info evening", member.ConsentMethod);
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 17, 30, 0, TimeSpan.Zero), member.ConsentAt);
        Assert.Contains("••", member.PhoneMasked);
    }

    public static TheoryData<string, string> BadPhones => new()
    {
        { "011 12 34 56", "Belgisch vast nummer" },
        { "+31 20 123 4567", "vast nummer" },
        { "+33 8 99 12 34 56", "betaalnummer" },
        { "+44 7911 123456", "alleen gsm-nummers uit België, Nederland, Frankrijk, Duitsland en Luxemburg" },
        { "0470 12 34", "10 cijfers" },
        { "bel me maar", "geen telefoonnummer" },
        { "", "verplicht" },
    };

    [Theory]
    [InlineData("+31 6 41 00 00 01", "+31641000001")]
    [InlineData("+33 6 41 00 00 02", "+33641000002")]
    [InlineData("+49 151 41000003", "+4915141000003")]
    [InlineData("+352 621 410 004", "+352621410004")]
    public async Task A_member_with_a_neighbouring_country_s_mobile_is_registered_in_e164(string phone, string e164)
    {
        var response = await PostMemberAsync(new { name = "Sanne de Vries", phone, language = "nl", consentMethod = "join page" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        var members = await (await host.App.ClientForAsync("admin")).GetFromJsonAsync<List<GetMembers.Item>>($"/api/networks/{Kerkplein}/members");
        Assert.Equal(e164, Assert.Single(members!, m => m.Id == id).Phone);
    }

    [Fact]
    public async Task A_refused_number_is_explained_in_english_when_the_client_asks_for_english()
    {
        var client = await host.App.ClientForAsync("admin");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB, nl;q=0.5");

        var response = await client.PostAsJsonAsync($"/api/networks/{Kerkplein}/members",
            new { name = "Jan Peeters", phone = "+31 20 123 4567", consentMethod = "join page" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("+31 20 123 4567 is a landline; alerts need a mobile number.", problem.GetProperty("errors").GetProperty("phone")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(BadPhones))]
    public async Task A_number_that_cannot_get_alerts_is_a_400_naming_phone_and_stores_nothing(string phone, string why)
    {
        var before = await ContactCountAsync();

        var response = await PostMemberAsync(new { name = "Jan Peeters", phone, consentMethod = "join page" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var message = problem.GetProperty("errors").GetProperty("phone")[0].GetString()!;
        Assert.Contains(why, message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await ContactCountAsync());
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var response = await PostMemberAsync(new { name = "  ", phone = "0470", language = "klingon" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.Equal(["consentMethod", "language", "name", "phone"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_same_number_again_is_a_409_that_does_not_reveal_who_has_it()
    {
        var phone = NewPhone();
        await RegisterAsync(await host.App.ClientForAsync("admin"), Kerkplein, "Marieke Claes", phone);
        var leuken = await NetworkIdAsync(host.App, "Leuken");

        var again = await PostMemberAsync(new { name = "Iemand Anders", phone = E164(phone), consentMethod = "join page" }, user: "coordinator");
        var elsewhere = await PostMemberAsync(new { name = "Iemand Anders", phone = phone.Replace(" ", "/"), consentMethod = "join page" }, network: leuken);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var detail = (await ProblemAsync(again)).GetProperty("detail").GetString()!;
        Assert.Contains("dit netwerk", detail);
        Assert.DoesNotContain("Marieke", detail);
        Assert.Equal(HttpStatusCode.Conflict, elsewhere.StatusCode);
        var other = (await ProblemAsync(elsewhere)).GetProperty("detail").GetString()!;
        Assert.Contains("1 ander netwerk", other);
        Assert.DoesNotContain("Claes", other);
    }

    [Fact]
    public async Task The_coordinator_of_Kerkplein_manages_Kerkplein_only_and_a_dispatcher_no_members_at_all()
    {
        var leuken = await NetworkIdAsync(host.App, "Leuken");
        var coordinator = await host.App.ClientForAsync("coordinator");
        var dispatcher = await host.App.ClientForAsync("dispatcher");

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/networks/{Kerkplein}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/networks/{leuken}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostMemberAsync(new { name = "X", phone = NewPhone(), consentMethod = "x" }, "coordinator", leuken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync($"/api/networks/{Kerkplein}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostMemberAsync(new { name = "X", phone = NewPhone(), consentMethod = "x" }, "dispatcher")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.App.ClientForAsync("officer")).GetAsync($"/api/networks/{Kerkplein}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.App.ClientForAsync("admin")).GetAsync($"/api/networks/{leuken}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostMemberAsync(new { name = "X", phone = NewPhone(), consentMethod = "x" }, network: Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task Member_counts_on_the_networks_follow_registrations_opt_outs_and_rejoins()
    {
        var admin = await host.App.ClientForAsync("admin");
        var coordinator = await host.App.ClientForAsync("coordinator");
        var before = await MemberCountAsync("dispatcher", Kerkplein);

        var first = await RegisterAsync(admin, Kerkplein, "An Janssens", NewPhone());
        await RegisterAsync(coordinator, Kerkplein, "Bert Maes", NewPhone(), "fr");
        Assert.Equal(before + 2, await MemberCountAsync("dispatcher", Kerkplein));
        Assert.Equal(before + 2, await MemberCountAsync("coordinator", Kerkplein));

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"/api/members/{first}/opt-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"/api/members/{first}/opt-out", null)).StatusCode);
        Assert.Equal(before + 1, await MemberCountAsync("chief", Kerkplein));

        var listed = await coordinator.GetFromJsonAsync<List<GetMembers.Item>>($"/api/networks/{Kerkplein}/members");
        Assert.Equal("OptedOut", listed!.Single(m => m.Id == first).Status);

        var rejoin = await coordinator.PostAsJsonAsync($"/api/members/{first}/rejoin", new { consentMethod = "phone call to coordinator" });
        Assert.Equal(HttpStatusCode.NoContent, rejoin.StatusCode);
        Assert.Equal(before + 2, await MemberCountAsync("dispatcher", Kerkplein));
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsJsonAsync($"/api/members/{first}/rejoin", new { consentMethod = "again" })).StatusCode);
    }

    [Fact]
    public async Task Erasing_deletes_name_and_number_and_frees_the_number()
    {
        var admin = await host.App.ClientForAsync("admin");
        var phone = NewPhone();
        var id = await RegisterAsync(admin, Kerkplein, "Wim Erasmus", phone);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.App.ClientForAsync("coordinator")).DeleteAsync($"/api/members/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/members/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/members/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/members/{Guid.NewGuid()}")).StatusCode);

        await using (var session = host.App.Service<IDocumentStore>().QuerySession())
        {
            Assert.Null(await session.LoadAsync<MemberContact>(id));
            Assert.Equal(Bin.Domain.Members.MemberStatus.Erased, (await session.LoadAsync<MemberView>(id))!.Status);
        }
        Assert.Null(await host.App.Service<IMemberDirectory>().FindByPhoneAsync(E164(phone), default));
        var members = await admin.GetFromJsonAsync<List<GetMembers.Item>>($"/api/networks/{Kerkplein}/members");
        Assert.DoesNotContain(members!, m => m.Id == id);
        Assert.Equal(HttpStatusCode.Created, (await PostMemberAsync(new { name = "Nieuwe Bewoner", phone, consentMethod = "join page" })).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_changes_language_and_cannot_move_a_member_to_a_network_they_do_not_coordinate()
    {
        var coordinator = await host.App.ClientForAsync("coordinator");
        var id = await RegisterAsync(coordinator, Kerkplein, "Sophie Dubois", NewPhone());
        var leuken = await NetworkIdAsync(host.App, "Leuken");

        var language = await coordinator.PatchAsync($"/api/members/{id}", JsonContent.Create(new { language = "fr" }));
        var move = await coordinator.PatchAsync($"/api/members/{id}", JsonContent.Create(new { networkIds = new[] { Kerkplein, leuken } }));
        var byAdmin = await (await host.App.ClientForAsync("admin")).PatchAsync($"/api/members/{id}", JsonContent.Create(new { networkIds = new[] { Kerkplein, leuken } }));

        Assert.Equal(HttpStatusCode.OK, language.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var match = await host.App.Service<IMemberDirectory>().ActiveRecipientsAsync([leuken], default);
        Assert.Equal("fr", Assert.Single(match, r => r.MemberId == id).Language);
        var listed = await coordinator.GetFromJsonAsync<List<GetMembers.Item>>($"/api/networks/{Kerkplein}/members");
        Assert.Equal([Kerkplein], listed!.Single(m => m.Id == id).NetworkIds);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_400_naming_body()
    {
        var response = await (await host.App.ClientForAsync("admin")).PostAsync($"/api/networks/{Kerkplein}/members",
            new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("body", out _));
    }

    private async Task<HttpClient> SignedInBrowserAsync(string user)
    {
        var client = host.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = "bin-demo", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_members_page_opens_for_the_coordinator_from_the_nav_and_not_for_a_dispatcher()
    {
        var coordinator = await SignedInBrowserAsync("coordinator");
        var dispatcher = await SignedInBrowserAsync("dispatcher");

        var map = await coordinator.GetStringAsync("/");
        var page = await coordinator.GetStringAsync($"/networks/{Kerkplein}/members");
        var dispatcherMap = await dispatcher.GetStringAsync("/");
        var dispatcherPage = await dispatcher.GetAsync($"/networks/{Kerkplein}/members");

        Assert.Contains("data-testid=\"nav-members\"", map);
        Assert.Contains("data-testid=\"member-row\"", page);
        Assert.Contains("data-testid=\"member-form\"", page);
        Assert.DoesNotContain("nav-members", dispatcherMap);
        Assert.Equal(HttpStatusCode.Redirect, dispatcherPage.StatusCode);
        Assert.StartsWith("/denied", dispatcherPage.Headers.Location!.PathAndQuery);
    }
}
