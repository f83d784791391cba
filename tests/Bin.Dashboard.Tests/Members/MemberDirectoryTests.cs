using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;
using static Bin.Dashboard.Tests.Members.MemberTestData;

namespace Bin.Dashboard.Tests.Members;

public class MemberDirectoryTests(HostFixture host) : IClassFixture<HostFixture>
{
    private IMemberDirectory Directory => host.App.Service<IMemberDirectory>();

    [Fact]
    public async Task A_member_of_two_alerted_networks_is_one_recipient_under_the_first_network_named()
    {
        var admin = await host.App.ClientForAsync("admin");
        var kerkplein = NetworkSeed.KerkpleinId;
        var slachthuis = await NetworkIdAsync(host.App, "Slachthuis");
        var both = await RegisterAsync(admin, kerkplein, "Twee Netwerken", NewPhone(), "de");
        var patch = await admin.PatchAsync($"/api/members/{both}", System.Net.Http.Json.JsonContent.Create(new { networkIds = new[] { kerkplein, slachthuis } }));
        patch.EnsureSuccessStatusCode();
        var phone = NewPhone();
        var onlySlachthuis = await RegisterAsync(admin, slachthuis, "Een Netwerk", phone);
        var optedOut = await RegisterAsync(admin, slachthuis, "Uitgeschreven", NewPhone());
        await Directory.OptOutAsync(optedOut, "sms", default);

        var recipients = await Directory.ActiveRecipientsAsync([slachthuis, kerkplein, slachthuis], default);
        var reversed = await Directory.ActiveRecipientsAsync([kerkplein, slachthuis], default);

        Assert.Equal(recipients.Count, recipients.Select(r => r.MemberId).Distinct().Count());
        Assert.Equal(new Recipient(both, slachthuis, "de", recipients.Single(r => r.MemberId == both).Phone), recipients.Single(r => r.MemberId == both));
        Assert.Equal(kerkplein, reversed.Single(r => r.MemberId == both).NetworkId);
        Assert.Equal(new Recipient(onlySlachthuis, slachthuis, "nl", E164(phone)), recipients.Single(r => r.MemberId == onlySlachthuis));
        Assert.DoesNotContain(recipients, r => r.MemberId == optedOut);
        Assert.Empty(await Directory.ActiveRecipientsAsync([Guid.NewGuid()], default));
        Assert.Empty(await Directory.ActiveRecipientsAsync([], default));

        // Counts count a member in each of their networks; recipients once.
        var counts = await Directory.ActiveCountsAsync(default);
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var inBoth = await session.Query<MemberView>().Where(v => v.Active && v.NetworkIds.Contains(kerkplein) && v.NetworkIds.Contains(slachthuis)).CountAsync();
        Assert.True(inBoth >= 1);
        Assert.Equal(counts[slachthuis] + counts[kerkplein] - inBoth, recipients.Count);
        Assert.Equal(await session.Query<MemberView>().Where(v => v.Active && v.NetworkIds.Contains(slachthuis)).CountAsync(), counts[slachthuis]);
    }

    [Fact]
    public async Task An_inbound_number_finds_its_member_and_STOP_is_idempotent()
    {
        var phone = NewPhone();
        var id = await RegisterAsync(await host.App.ClientForAsync("coordinator"), NetworkSeed.KerkpleinId, "Sms Sturer", phone, "en");

        Assert.Equal(new MemberMatch(id, "en", true), await Directory.FindByPhoneAsync(E164(phone), default));
        await Directory.OptOutAsync(id, "sms", default);
        await Directory.OptOutAsync(id, "sms", default);
        Assert.Equal(new MemberMatch(id, "en", false), await Directory.FindByPhoneAsync(E164(phone), default));
        Assert.Null(await Directory.FindByPhoneAsync("+32470000001", default));

        var events = await MemberEventsAsync(id);
        Assert.Equal([typeof(Bin.Domain.Members.MemberRegistered), typeof(Bin.Domain.Members.MemberOptedOut)], events.Select(e => e.Data.GetType()));
        Assert.Equal("sms", events[1].UserName);
    }

    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> MemberEventsAsync(Guid id)
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }
}
