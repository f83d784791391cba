using System.Security.Claims;
using System.Text.RegularExpressions;
using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain;
using Bin.Domain.Joining;
using Bin.Domain.Networks;
using Bin.Testing;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Tests.Joining;

/// <summary>
/// The join path on a real PostgreSQL: codes through the outbox, rate limits, no enumeration, founding interest, and the
/// coordinator's decisions. Each test uses its own numbers and client keys, so they share one host.
/// </summary>
public class JoinServiceTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>Just inside Kerkplein, the church square.</summary>
    private const double KerkpleinLatitude = 51.2307, KerkpleinLongitude = 5.3135;

    private JoinService Join => host.App.Service<JoinService>();

    private static JoinForm ToKerkplein(string phone, string name = "Lotte Vermeulen") =>
        new(JoinPurpose.Join, KerkpleinLatitude, KerkpleinLongitude, NetworkSeed.KerkpleinId, name, phone, "nl", Consent: true);

    private async Task<ClaimsPrincipal> UserAsync(string name)
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return host.App.Service<BinPrincipals>().Create((await session.LoadAsync<UserAccount>(name))!, "test");
    }

    /// <summary>The code in the SMS queued for an application (read from the outbox, as the gateway would get it).</summary>
    private async Task<(string Code, string Kind)> QueuedCodeAsync(Guid applicationId)
    {
        var options = host.App.Service<IOptions<EventStoreOptions>>().Value;
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT body, kind FROM {options.Schema}.bin_outbox WHERE application_id = @id AND kind = 'joincode'", connection);
        command.Parameters.AddWithValue("id", applicationId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no code was queued");
        return (Regex.Match(reader.GetString(0), @"\b\d{6}\b").Value, reader.GetString(1));
    }

    private async Task<string> MemberPhoneAsync(Guid networkId)
    {
        var recipients = await host.App.Service<IMemberDirectory>().ActiveRecipientsAsync([networkId], default);
        return recipients.First(r => r.NetworkId == networkId).Phone;
    }

    [Fact]
    public async Task A_place_in_Kerkplein_is_covered_and_a_place_outside_every_network_is_not()
    {
        var kerkplein = await Join.LookupAsync(KerkpleinLatitude, KerkpleinLongitude, default);
        var nowhere = await Join.LookupAsync(51.2050, 5.2500, default);

        Assert.Equal(["Kerkplein"], kerkplein.Joinable.Select(n => n.Name));
        Assert.False(nowhere.Covered);
        Assert.Empty(nowhere.Founding);
        await Assert.ThrowsAsync<DomainException>(() => Join.LookupAsync(50.85, 4.35, default));
    }

    [Fact]
    public async Task A_members_number_gets_the_same_answer_and_the_same_SMS_as_anyone_else()
    {
        var memberPhone = await MemberPhoneAsync(NetworkSeed.KerkpleinId);

        var forMember = await Join.RequestAsync(ToKerkplein(memberPhone), "client-enum-1", default);
        var forStranger = await Join.RequestAsync(ToKerkplein("+32471000001"), "client-enum-1", default);

        var (memberCode, kind) = await QueuedCodeAsync(forMember);
        var (strangerCode, _) = await QueuedCodeAsync(forStranger);
        Assert.Equal("joincode", kind);
        Assert.Matches("^[0-9]{6}$", memberCode);
        Assert.Matches("^[0-9]{6}$", strangerCode);
        Assert.Equal(ConfirmOutcome.Confirmed, await Join.ConfirmAsync(forMember, memberCode, default));
        Assert.Equal(ConfirmOutcome.Confirmed, await Join.ConfirmAsync(forStranger, strangerCode, default));
    }

    [Fact]
    public async Task Three_codes_per_number_per_hour_then_the_same_refusal_for_everyone()
    {
        for (var i = 0; i < 3; i++) await Join.RequestAsync(ToKerkplein("+32471000010"), $"client-rate-{i}", default);

        await Assert.ThrowsAsync<JoinRateLimitedException>(() => Join.RequestAsync(ToKerkplein("+32471000010"), "client-rate-x", default));
    }

    [Fact]
    public async Task Ten_requests_per_client_address_per_hour()
    {
        for (var i = 0; i < 10; i++) await Join.RequestAsync(ToKerkplein($"+324710001{i:00}"), "client-busy", default);

        await Assert.ThrowsAsync<JoinRateLimitedException>(() => Join.RequestAsync(ToKerkplein("+32471000199"), "client-busy", default));
    }

    [Fact]
    public async Task Bad_input_is_refused_per_field_and_nothing_is_sent()
    {
        var ex = await Assert.ThrowsAsync<JoinInputException>(() => Join.RequestAsync(
            new JoinForm(JoinPurpose.Join, KerkpleinLatitude, KerkpleinLongitude, NetworkSeed.KerkpleinId, "", "012 34 56 78", "nl", Consent: false),
            "client-bad", default));

        Assert.Equal(["consent", "name", "phone"], ex.Errors.Keys.Order());
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Query<JoinApplication>().CountAsync(a => a.ClientKey == "client-bad"));
    }

    [Fact]
    public async Task Joining_a_network_that_does_not_cover_the_place_is_refused()
    {
        var slachthuis = (await host.App.Service<NetworkDirectory>().CurrentAsync()).Names.Single(n => n.Value == "Slachthuis").Key;

        var ex = await Assert.ThrowsAsync<JoinInputException>(() => Join.RequestAsync(ToKerkplein("+32471000020") with { NetworkId = slachthuis }, "client-other", default));

        Assert.Contains("network", ex.Errors.Keys);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_application_and_an_expired_code_is_refused()
    {
        var locked = await Join.RequestAsync(ToKerkplein("+32471000030"), "client-codes", default);
        var (code, _) = await QueuedCodeAsync(locked);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < JoinCode.MaxAttempts - 1; i++) Assert.Equal(ConfirmOutcome.WrongCode, await Join.ConfirmAsync(locked, wrong, default));
        Assert.Equal(ConfirmOutcome.Locked, await Join.ConfirmAsync(locked, wrong, default));
        Assert.Equal(ConfirmOutcome.Locked, await Join.ConfirmAsync(locked, code, default));

        var expired = await Join.RequestAsync(ToKerkplein("+32471000031"), "client-codes", default);
        var (expiredCode, _) = await QueuedCodeAsync(expired);
        await using (var session = host.App.Service<IDocumentStore>().LightweightSession())
        {
            var application = (await session.LoadAsync<JoinApplication>(expired))!;
            application.CodeExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            session.Store(application);
            await session.SaveChangesAsync();
        }
        Assert.Equal(ConfirmOutcome.Expired, await Join.ConfirmAsync(expired, expiredCode, default));
    }

    [Fact]
    public async Task Interest_where_there_is_no_BIN_opens_an_idea_and_a_neighbour_s_interest_joins_it()
    {
        var first = await Join.RequestAsync(new JoinForm(JoinPurpose.FoundingInterest, 51.2050, 5.2500, null, "Jan Peeters", "+32471000040", "nl", true), "client-idea", default);
        Assert.Equal(ConfirmOutcome.Confirmed, await Join.ConfirmAsync(first, (await QueuedCodeAsync(first)).Code, default));
        var second = await Join.RequestAsync(new JoinForm(JoinPurpose.FoundingInterest, 51.2052, 5.2503, null, "Mia Claes", "+32471000041", "fr", true), "client-idea", default);
        Assert.Equal(ConfirmOutcome.Confirmed, await Join.ConfirmAsync(second, (await QueuedCodeAsync(second)).Code, default));

        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var ideaId = (await session.LoadAsync<JoinApplication>(first))!.NetworkId!.Value;
        Assert.Equal(ideaId, (await session.LoadAsync<JoinApplication>(second))!.NetworkId);
        var idea = (await session.LoadAsync<NetworkView>(ideaId))!;
        Assert.Equal(NetworkStatus.Proposed, idea.Status);
        Assert.Equal(IdeaSource.Residents, idea.IdeaSource);
        Assert.Equal(FoundingStep.IdeaRegistered, idea.Reached);
        Assert.Equal(2, idea.Interest);
        Assert.True(idea.Indicative);
        Assert.Equal("join-page", (await session.Events.FetchStreamAsync(ideaId))[0].UserName);
        // Administrators see whom to invite to the info evening; coordinators do not.
        Assert.Equal(["Jan Peeters", "Mia Claes"], (await Join.InterestedAsync(ideaId, await UserAsync("admin"), default)).Select(r => r.Name));
        await Assert.ThrowsAsync<NetworkAccessDeniedException>(async () => await Join.InterestedAsync(ideaId, await UserAsync("coordinator"), default));
        // The page now says a BIN is being founded there.
        var lookup = await Join.LookupAsync(51.2050, 5.2500, default);
        Assert.Equal([ideaId], lookup.Founding.Select(n => n.Id));
    }

    [Fact]
    public async Task The_coordinator_declines_and_the_application_forgets_the_name_and_number()
    {
        var id = await Join.RequestAsync(ToKerkplein("+32471000050", "Piet Janssens"), "client-decline", default);
        await Join.ConfirmAsync(id, (await QueuedCodeAsync(id)).Code, default);
        var coordinator = await UserAsync("coordinator");
        Assert.Contains(await Join.PendingAsync(coordinator, default), r => r.Id == id && r.Name == "Piet Janssens");

        await Join.DeclineAsync(id, "Woont niet in de wijk.", coordinator, default);

        Assert.DoesNotContain(await Join.PendingAsync(coordinator, default), r => r.Id == id);
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var application = (await session.LoadAsync<JoinApplication>(id))!;
        Assert.Equal((JoinApplicationStatus.Decided, "", ""), (application.Status, application.Name, application.Phone));
        Assert.Equal(JoinRequestStatus.Declined, (await session.LoadAsync<JoinRequestView>(id))!.Status);
        Assert.Null(await host.App.Service<IMemberDirectory>().FindByPhoneAsync("+32471000050", default));
    }

    [Fact]
    public async Task Another_network_s_coordinator_cannot_see_or_decide_the_request()
    {
        var id = await Join.RequestAsync(ToKerkplein("+32471000060"), "client-scope", default);
        await Join.ConfirmAsync(id, (await QueuedCodeAsync(id)).Code, default);
        var slachthuis = (await host.App.Service<NetworkDirectory>().CurrentAsync()).Names.Single(n => n.Value == "Slachthuis").Key;
        await host.App.Service<AccountProvisioning>().CreateOrUpdateAsync("slachthuis.coord", "Coördinator Slachthuis", "bin-demo", [Roles.Coordinator], [slachthuis], default);
        var other = await UserAsync("slachthuis.coord");

        Assert.DoesNotContain(await Join.PendingAsync(other, default), r => r.Id == id);
        await Assert.ThrowsAsync<MemberAccessDeniedException>(() => Join.ApproveAsync(id, other, default));
    }

    [Fact]
    public async Task Approving_a_number_that_is_a_member_elsewhere_needs_an_administrator_who_adds_this_network()
    {
        var slachthuis = (await host.App.Service<NetworkDirectory>().CurrentAsync()).Names.Single(n => n.Value == "Slachthuis").Key;
        var elsewhere = (await host.App.Service<IMemberDirectory>().ActiveRecipientsAsync([slachthuis], default))
            .First(r => r.NetworkId == slachthuis).Phone;
        var match = (await host.App.Service<IMemberDirectory>().FindByPhoneAsync(elsewhere, default))!;
        var id = await Join.RequestAsync(ToKerkplein(elsewhere), "client-elsewhere", default);
        await Join.ConfirmAsync(id, (await QueuedCodeAsync(id)).Code, default);

        var coordinator = await UserAsync("coordinator");
        var refused = await Assert.ThrowsAsync<DomainException>(() => Join.ApproveAsync(id, coordinator, default));
        var memberId = await Join.ApproveAsync(id, await UserAsync("admin"), default);

        Assert.Equal("server.join.otherNetwork", refused.Key);
        Assert.Equal(match.MemberId, memberId);
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Contains(NetworkSeed.KerkpleinId, (await session.LoadAsync<MemberView>(memberId))!.NetworkIds);
    }
}
