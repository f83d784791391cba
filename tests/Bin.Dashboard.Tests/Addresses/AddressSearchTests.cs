using Bin.Dashboard.Features.Addresses;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Addresses;

public class AddressSearchTests : BunitContext
{
    private readonly FakeAddressFinder _finder = new();

    public AddressSearchTests() => Services.AddSingleton<IAddressFinder>(_finder);

    private static void Search(IRenderedComponent<AddressSearch> search, string text)
    {
        search.Find("[data-testid=address-search-input]").Input(text);
        search.Find("[data-testid=address-search-input]").KeyDown("Enter");
    }

    [Fact]
    public void Enter_lists_the_addresses_found_marked_as_demo_and_choosing_one_hands_its_point_to_the_parent()
    {
        AddressMatch? chosen = null;
        var search = Render<AddressSearch>(p => p.Add(c => c.OnChosen, (AddressMatch m) => chosen = m));

        Search(search, "kerkplein 1");

        search.WaitForAssertion(() => Assert.Equal(2, search.FindAll("[data-testid=address-result]").Count));
        Assert.Contains("Kerkplein 1, 3920 Lommel", search.FindAll("[data-testid=address-result]")[0].TextContent);
        Assert.Contains("demo", search.FindAll("[data-testid=address-result]")[0].TextContent);
        Assert.Contains("Demo-adressen", search.Find("[data-testid=address-demo-note]").TextContent);

        search.FindAll("[data-testid=address-result]")[0].Click();

        // The click is queued behind whatever the renderer is still doing (the cancelled typing search on a busy
        // machine), so the choice arrives when the renderer gets to it.
        search.WaitForAssertion(() => Assert.NotNull(chosen));
        Assert.NotNull(chosen);
        Assert.Equal((51.2305, 5.3122), (chosen.Latitude, chosen.Longitude));
        Assert.Empty(search.FindAll("[data-testid=address-result]"));
        Assert.Equal("Kerkplein 1, 3920 Lommel", search.Find("[data-testid=address-search-input]").GetAttribute("value"));
    }

    [Fact]
    public void Typing_searches_after_a_pause_and_on_the_dashboard_the_search_is_not_anonymous()
    {
        var search = Render<AddressSearch>();

        search.Find("[data-testid=address-search-input]").Input("Kerkplein");

        search.WaitForAssertion(() => Assert.Equal(2, search.FindAll("[data-testid=address-result]").Count));
        Assert.Equal([("Kerkplein", false)], _finder.Asked);
    }

    [Fact]
    public void An_address_not_found_says_so_and_a_too_short_query_says_what_to_type()
    {
        var search = Render<AddressSearch>();

        Search(search, "Nergensstraat 5");
        search.WaitForAssertion(() => Assert.Contains("Geen adres gevonden", search.Find("[data-testid=address-search-message]").TextContent));

        Search(search, "k");
        search.WaitForAssertion(() => Assert.Contains("minstens 2", search.Find("[data-testid=address-search-message]").TextContent));
        Assert.Empty(search.FindAll("[data-testid=address-result]"));
    }

    [Fact]
    public void On_the_join_page_searches_are_anonymous_and_past_the_limit_the_resident_is_told_to_wait()
    {
        _finder.AnonymousAllowed = 1;
        var search = Render<AddressSearch>(p => p.Add(c => c.Public, true));

        Search(search, "kerkplein");
        search.WaitForAssertion(() => Assert.Equal(2, search.FindAll("[data-testid=address-result]").Count));
        Search(search, "kerkplein 2");

        search.WaitForAssertion(() => Assert.Contains("over een minuut", search.Find("[data-testid=address-search-message]").TextContent));
        Assert.Empty(search.FindAll("[data-testid=address-result]"));
        Assert.All(_finder.Asked, a => Assert.True(a.Anonymous));
    }
}
