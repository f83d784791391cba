using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;
using static Bin.Dashboard.Tests.Members.MemberTestData;

namespace Bin.Dashboard.Tests.Members;

public class MemberImportTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;

    private async Task<(HttpStatusCode Status, ImportReport? Report)> ImportAsync(string csv, string query = "", string user = "coordinator", bool bom = false,
        Guid? network = null)
    {
        var bytes = (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        var response = await (await host.App.ClientForAsync(user)).PostAsync($"/api/networks/{network ?? Kerkplein}/members/import{query}", content);
        var report = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity ? await response.Content.ReadFromJsonAsync<ImportReport>() : null;
        return (response.StatusCode, report);
    }

    private async Task<int> KerkpleinMembersAsync() =>
        (await (await host.App.ClientForAsync("admin")).GetFromJsonAsync<List<GetMembers.Item>>($"/api/networks/{Kerkplein}/members"))!.Count;

    [Fact]
    public async Task A_valid_file_with_bom_and_semicolons_imports_every_member_with_csv_consent()
    {
        var (a, b, c) = (NewPhone(), NewPhone(), NewPhone());
        var before = await KerkpleinMembersAsync();

        var (status, report) = await ImportAsync($"naam;gsm;taal\r\nLotte Wouters;{a};nl\r\nLuc Dupont;{b};FR\r\nMary Smith;{c};\r\n", bom: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(report!.Stored);
        Assert.Equal((3, 0, 0), (report.Imported, report.Duplicates, report.Invalid));
        Assert.Equal([2, 3, 4], report.Rows.Select(r => r.Row));
        Assert.All(report.Rows, r => Assert.Equal(MemberImport.Imported, r.Status));
        var members = await (await host.App.ClientForAsync("coordinator")).GetFromJsonAsync<List<GetMembers.Item>>($"/api/networks/{Kerkplein}/members");
        Assert.Equal(before + 3, members!.Count);
        var luc = members.Single(m => m.Phone == E164(b));
        Assert.Equal(("Luc Dupont", "fr", "csv import"), (luc.Name, luc.Language, luc.ConsentMethod));
        Assert.Equal("nl", members.Single(m => m.Phone == E164(c)).Language);
    }

    [Fact]
    public async Task One_invalid_row_blocks_the_import_the_report_says_which_and_why_and_nothing_is_stored()
    {
        var before = await KerkpleinMembersAsync();

        var (status, report) = await ImportAsync($"name,phone,language\nEen Goede,{NewPhone()},nl\nVaste Lijn,011 12 34 56,nl\nZonder Taal,{NewPhone()},xx\n,{NewPhone()},nl\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.False(report!.Stored);
        Assert.Equal(3, report.Invalid);
        Assert.Equal((2, MemberImport.Imported), (report.Rows[0].Row, report.Rows[0].Status));
        Assert.Equal((3, MemberImport.Invalid, "phone"), (report.Rows[1].Row, report.Rows[1].Status, report.Rows[1].Field));
        Assert.Contains("vast nummer", report.Rows[1].Reason);
        Assert.Equal("language", report.Rows[2].Field);
        Assert.Equal("name", report.Rows[3].Field);
        Assert.Equal(before, await KerkpleinMembersAsync());
    }

    [Fact]
    public async Task Duplicates_in_the_file_and_in_the_registry_are_reported_and_skipped()
    {
        var existing = NewPhone();
        await RegisterAsync(await host.App.ClientForAsync("admin"), Kerkplein, "Al Lid", existing);
        var leuken = await NetworkIdAsync(host.App, "Leuken");
        var fresh = NewPhone();
        var before = await KerkpleinMembersAsync();

        var (status, report) = await ImportAsync(
            $"name;phone\nNieuw Lid;{fresh}\nZelfde Nummer;{E164(fresh)}\nAl Bekend;{existing.Replace(" ", ".")}\n");
        var (_, inLeuken) = await ImportAsync($"name;phone\nAl Bekend;{existing}\n", user: "admin", network: leuken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(report!.Stored);
        Assert.Equal((1, 2, 0), (report.Imported, report.Duplicates, report.Invalid));
        Assert.Equal([MemberImport.Imported, MemberImport.Duplicate, MemberImport.Duplicate], report.Rows.Select(r => r.Status));
        Assert.Equal("Zelfde nummer als regel 2.", report.Rows[1].Reason);
        Assert.Contains("dit netwerk", report.Rows[2].Reason);
        Assert.DoesNotContain("Al Lid", report.Rows[2].Reason);
        Assert.Contains("1 ander netwerk", inLeuken!.Rows[0].Reason);
        Assert.False(inLeuken.Stored);
        Assert.Equal(before + 1, await KerkpleinMembersAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_without_storing()
    {
        var before = await KerkpleinMembersAsync();

        var (status, report) = await ImportAsync($"name,phone\nProef Persoon,{NewPhone()}\n", "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(report!.DryRun);
        Assert.False(report.Stored);
        Assert.Equal(1, report.Imported);
        Assert.Equal(before, await KerkpleinMembersAsync());
    }

    [Fact]
    public async Task Unusable_files_and_foreign_networks_are_refused_before_any_row()
    {
        var leuken = await NetworkIdAsync(host.App, "Leuken");
        var client = await host.App.ClientForAsync("coordinator");

        var noHeader = await ImportAsync($"Jan Peeters;{NewPhone()}\n");
        var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes($"name;phone\nÉlodie;{NewPhone()}\n"));
        latin1.Headers.ContentType = new("text/csv");
        var notUtf8 = await client.PostAsync($"/api/networks/{Kerkplein}/members/import", latin1);
        var json = await client.PostAsJsonAsync($"/api/networks/{Kerkplein}/members/import", new { name = "x" });
        var foreign = await ImportAsync($"name;phone\nJan;{NewPhone()}\n", network: leuken);
        var dispatcher = await ImportAsync($"name;phone\nJan;{NewPhone()}\n", user: "dispatcher");

        Assert.Equal(HttpStatusCode.BadRequest, noHeader.Status);
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8.StatusCode);
        Assert.Contains("\"csv\"", await notUtf8.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Equal(HttpStatusCode.Forbidden, dispatcher.Status);
    }
}
