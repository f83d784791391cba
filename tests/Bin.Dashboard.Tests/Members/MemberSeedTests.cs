using System.Diagnostics;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Domain.Members;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.Members;

public class MemberSeedTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly int Planned = MemberSeed.Plan.Sum(p => p.Members);

    [Fact]
    public async Task Every_network_gets_its_demo_members_with_demo_numbers_and_valid_registrations()
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var contacts = await session.Query<MemberContact>().Where(c => c.Phone.StartsWith(MemberSeed.DemoBlock)).ToListAsync();
        var networks = (await session.Query<NetworkView>().ToListAsync()).ToDictionary(n => n.Id, n => n.Name);
        var counts = await host.App.Service<IMemberDirectory>().ActiveCountsAsync(default);

        Assert.Equal(Planned, contacts.Count);
        Assert.All(contacts, c => Assert.True(MemberSeed.IsDemoNumber(c.Phone) && PhoneNumber.Parse(c.Phone).E164 == c.Phone, c.Id.ToString()));
        Assert.Equal(contacts.Count, contacts.Select(c => c.Phone).Distinct().Count());
        foreach (var (network, planned) in MemberSeed.Plan)
        {
            var id = networks.Single(n => n.Value == network).Key;
            var extra = network == "Slachthuis" ? MemberSeed.KerkpleinAlsoInSlachthuis : 0;
            // A few opted out since registering.
            Assert.InRange(counts[id], (planned + extra) * 9 / 10, planned + extra);
        }
        var views = await session.Query<MemberView>().ToListAsync();
        Assert.Contains(views, v => v.Language == "fr");
        Assert.Contains(views, v => v.Language == "de");
        Assert.Contains(views, v => v.Language == "en");
        Assert.Contains(views, v => v.Status == MemberStatus.OptedOut);
        Assert.All(views, v => Assert.Equal("seed", v.RegisteredBy));
    }

    [Fact]
    public async Task Seeding_again_adds_nobody_and_is_quick()
    {
        var store = host.App.Service<IDocumentStore>();
        var watch = Stopwatch.StartNew();

        var again = await MemberSeed.SeedAsync(store, TimeProvider.System, default);
        var secondTime = await MemberSeed.SeedAsync(store, TimeProvider.System, default);

        Assert.Equal((0, 0), (again, secondTime));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"re-seeding took {watch.Elapsed}");
        await using var session = store.QuerySession();
        Assert.Equal(Planned, await session.Query<MemberView>().Where(v => v.RegisteredBy == "seed").CountAsync());
        Assert.Equal(Planned, await session.Query<MemberContact>().Where(c => c.Phone.StartsWith(MemberSeed.DemoBlock)).CountAsync());
    }

    [Fact]
    public void The_demo_members_are_the_same_on_every_installation()
    {
        var networks = MemberSeed.Plan.Select((p, i) => (p.Network, Id: new Guid(i + 1, 0, 0, new byte[8]))).ToDictionary(p => p.Network, p => p.Id);

        var first = MemberSeed.Members(networks);
        var second = MemberSeed.Members(networks);

        Assert.Equal(first.Select(m => (m.Id, m.Name, m.Phone, m.Language)), second.Select(m => (m.Id, m.Name, m.Phone, m.Language)));
        Assert.Equal(Planned, first.Count);
    }
}
