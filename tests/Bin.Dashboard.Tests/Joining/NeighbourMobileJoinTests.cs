using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain.Joining;
using Bin.Testing;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Tests.Joining;

/// <summary>Residents near the border join with a Dutch (or other neighbouring) mobile; other countries are refused.</summary>
public class NeighbourMobileJoinTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const double KerkpleinLatitude = 51.2307, KerkpleinLongitude = 5.3135;

    private JoinService Join => host.App.Service<JoinService>();

    private static JoinForm ToKerkplein(string phone) =>
        new(JoinPurpose.Join, KerkpleinLatitude, KerkpleinLongitude, NetworkSeed.KerkpleinId, "Sanne de Vries", phone, "nl", Consent: true);

    [Fact]
    public async Task A_join_request_with_a_dutch_mobile_is_recorded_in_e164_and_its_code_goes_to_that_number()
    {
        var id = await Join.RequestAsync(ToKerkplein("+31 6 4000 0001"), "client-nl-1", default);

        await using (var session = host.App.Service<IDocumentStore>().QuerySession())
            Assert.Equal("+31640000001", (await session.LoadAsync<JoinApplication>(id))!.Phone);

        var options = host.App.Service<IOptions<EventStoreOptions>>().Value;
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT phone FROM {options.Schema}.bin_outbox WHERE application_id = @id AND kind = 'joincode'", connection);
        command.Parameters.AddWithValue("id", id);
        Assert.Equal("+31640000001", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_british_mobile_is_refused_with_the_accepted_countries_in_dutch_and_nothing_is_recorded()
    {
        var ex = await Assert.ThrowsAsync<JoinInputException>(() => Join.RequestAsync(ToKerkplein("+44 7911 123456"), "client-uk-1", default));

        Assert.Contains("België, Nederland, Frankrijk, Duitsland en Luxemburg", ex.Errors["phone"]);
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Query<JoinApplication>().CountAsync(a => a.ClientKey == "client-uk-1"));
    }
}
