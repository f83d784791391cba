using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Tests.Privacy;

public class JoinSafeguardTests
{
    private static JoinForm ToKerkplein(string phone) =>
        new(JoinPurpose.Join, 51.2307, 5.3135, NetworkSeed.KerkpleinId, "Lotte Vermeulen", phone, "nl", Consent: true);

    [Fact]
    public async Task Twelve_parallel_join_requests_from_different_numbers_and_addresses_against_a_zone_cap_of_five_send_exactly_five_codes()
    {
        await using var app = await BinAppFactory.StartAsync(new Dictionary<string, string?> { ["Joining:MaxCodesPerHour"] = "5" });
        var join = app.Service<JoinService>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            try
            {
                await join.RequestAsync(ToKerkplein($"+3247200{i:D4}"), $"client-zone-{i}", default);
                return "sent";
            }
            catch (JoinRateLimitedException)
            {
                return "refused";
            }
        }));

        Assert.Equal(5, outcomes.Count(o => o == "sent"));
        Assert.Equal(7, outcomes.Count(o => o == "refused"));
    }

    [Fact]
    public void The_address_key_is_a_keyed_hash_that_depends_on_the_secret()
    {
        var one = new AddressKeyer(Options.Create(new JoiningOptions { AddressKeySecret = new string('a', 32) }));
        var other = new AddressKeyer(Options.Create(new JoiningOptions { AddressKeySecret = new string('b', 32) }));

        Assert.Equal(one.KeyOf("192.0.2.7"), one.KeyOf("192.0.2.7"));
        Assert.NotEqual(one.KeyOf("192.0.2.7"), one.KeyOf("192.0.2.8"));
        Assert.NotEqual(one.KeyOf("192.0.2.7"), other.KeyOf("192.0.2.7"));
        Assert.DoesNotContain("192", one.KeyOf("192.0.2.7"));
    }
}
