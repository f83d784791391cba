using System.Security.Claims;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Members;
using Marten;
using Npgsql;

namespace Bin.Dashboard.Features.Members;

/// <summary>What a person typed to register a member (the form or the API body).</summary>
/// <param name="ConsentAt">When the member consented; null means now.</param>
public sealed record NewMember(string? Name, string? Phone, string? Language, string? ConsentMethod, DateTimeOffset? ConsentAt = null);

/// <summary>A change of an existing member; null leaves that part as it is.</summary>
public sealed record MemberChange(string? Language, IReadOnlyList<Guid>? NetworkIds);

/// <summary>Several fields are wrong at once; <see cref="DomainException.Field"/> is the first.</summary>
public sealed class MemberInputException(IReadOnlyDictionary<string, string> errors)
    : DomainException(errors.First().Value, errors.First().Key)
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>The number already belongs to a member (→ 409). The message never names that member.</summary>
public sealed class DuplicateMemberException(string message) : DomainException(message, "phone");

/// <summary>
/// The member use cases, shared by the API, the members page, the SMS side (opt-out) and the demo seed: validate,
/// let the pure decision speak, then write the member's events and contact record in one transaction. Changes of an
/// existing member go through the <see cref="CommandPipeline"/>: a concurrent change (a STOP while a coordinator edits)
/// makes this writer decide once more on the new state, and a second one answers 409.
/// Access (admin, or coordinator of the member's network) is checked here, so every caller gets the same rule.
/// </summary>
public sealed class MemberCommands(IDocumentStore store, CommandPipeline pipeline, Alerts.OutboxWriter outbox, Privacy.PersonalDataEraser eraser, TimeProvider clock)
{
    /// <summary>The acting user recorded for what members do themselves by SMS (STOP).</summary>
    public static readonly ClaimsPrincipal SmsActor = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "sms")], "system"));

    public async Task<MemberRegistered> RegisterAsync(Guid networkId, NewMember input, ClaimsPrincipal user, CancellationToken ct)
    {
        MemberAccess.EnsureMayManage(user, networkId);
        var (name, phone, registered) = Check(networkId, input, clock.GetUtcNow());
        await EnsureNetworkExistsAsync(networkId, ct);

        await using var session = store.OpenSessionFor(user);
        var existing = await session.Query<MemberContact>().Where(c => c.Phone == phone.E164).Select(c => c.Id).ToListAsync(ct);
        if (existing.Count > 0)
        {
            var view = await session.LoadAsync<MemberView>(existing[0], ct);
            throw new DuplicateMemberException(DescribeDuplicate(view, networkId, user));
        }
        session.Store(new MemberContact { Id = registered.MemberId, Name = name, Phone = phone.E164 });
        session.Events.StartStream<MemberView>(registered.MemberId, registered);
        await SaveAsync(session, ct);
        return registered;
    }

    /// <summary>Checks every field of <paramref name="input"/> and says what is wrong with each, so a form can show
    /// all problems at once. Returns the parts of a valid registration.</summary>
    public static (string Name, MobileNumber Phone, MemberRegistered Registered) Check(Guid networkId, NewMember input, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        var name = Try(() => MemberName.Parse(input.Name), errors);
        var phone = Try(() => PhoneNumber.Parse(input.Phone), errors);
        var language = Try(() => (Language?)Languages.Parse(input.Language), errors);
        // The decision checks the consent (and, once more, the language: a bad one is already reported above).
        var registered = Try(() => MemberDecisions.Register(
            null, new RegisterMember(Guid.CreateVersion7(), [networkId], language?.Code(), input.ConsentAt, input.ConsentMethod), now), errors);
        if (errors.Count > 0) throw new MemberInputException(errors);
        return (name!, phone, registered!);
    }

    private static T? Try<T>(Func<T> parse, Dictionary<string, string> errors)
    {
        try
        {
            return parse();
        }
        catch (DomainException ex)
        {
            errors.TryAdd(ex.Field ?? "request", ex.Message);
            return default;
        }
    }

    /// <summary>Told to someone who does not manage the member's networks: nothing about them (no count, no opt-out).</summary>
    public static string RegisteredElsewhere => ServerMessages.RegisteredElsewhere.With().ToString();

    /// <summary>Why a number cannot be registered again — by network count and status, never by name. Only an
    /// administrator, or a coordinator of the member's own network, learns more than <see cref="RegisteredElsewhere"/>:
    /// otherwise a coordinator could try any list of numbers and learn who is a member where, and who opted out.</summary>
    public static string DescribeDuplicate(MemberView? existing, Guid networkId, ClaimsPrincipal user)
    {
        if (existing is null) return ServerMessages.DuplicateRegistered.With().ToString();
        if (!user.IsInRole(Infrastructure.Auth.Roles.Admin) && !MemberAccess.MayManage(user, existing.NetworkIds))
            return RegisteredElsewhere;
        var optedOut = existing.Status == MemberStatus.OptedOut ? " " + ServerMessages.DuplicateOptedOut.With() : "";
        if (existing.NetworkIds.Contains(networkId))
            return ServerMessages.DuplicateThisNetwork.With() + optedOut;
        var others = existing.NetworkIds.Count;
        return (others == 1 ? ServerMessages.DuplicateOtherNetwork.With() : ServerMessages.DuplicateOtherNetworks.With(others)) + optedOut;
    }

    /// <summary>Opt-out from the dashboard (the member asked their coordinator). Idempotent.</summary>
    public Task<MemberOptedOut?> OptOutAsync(Guid memberId, string via, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(memberId, user, checkAccess: true, state => MemberDecisions.OptOut(state, new OptOutMember(memberId, via), clock.GetUtcNow()), null, ct);

    /// <summary>Opt-out the member sent by SMS (STOP): no dashboard user, no access check. Idempotent.</summary>
    public Task<MemberOptedOut?> OptOutBySmsAsync(Guid memberId, string via, CancellationToken ct) =>
        DecideAsync(memberId, SmsActor, checkAccess: false, state => MemberDecisions.OptOut(state, new OptOutMember(memberId, via), clock.GetUtcNow()), null, ct);

    public async Task<MemberRejoined> RejoinAsync(Guid memberId, DateTimeOffset? consentAt, string? consentMethod, ClaimsPrincipal user, CancellationToken ct) =>
        (await DecideAsync<MemberRejoined>(memberId, user, checkAccess: true,
            state => MemberDecisions.Rejoin(state, new RejoinMember(memberId, consentAt, consentMethod), clock.GetUtcNow()), null, ct))!;

    /// <summary>
    /// Changes language and/or networks. A coordinator may add or remove only networks they coordinate; moving a member
    /// between networks of different coordinators is an administrator's job.
    /// </summary>
    public async Task<IReadOnlyList<object>> ChangeAsync(Guid memberId, MemberChange change, ClaimsPrincipal user, CancellationToken ct)
    {
        var recorded = new List<object>();
        // An empty change still answers only to who may manage the member: otherwise it would tell any coordinator which ids exist.
        if (change.Language is null && change.NetworkIds is null)
            await DecideAsync<object>(memberId, user, checkAccess: true, _ => null, null, ct);
        if (change.Language is not null)
        {
            var language = await DecideAsync(memberId, user, checkAccess: true,
                state => MemberDecisions.ChangeLanguage(state, new ChangeMemberLanguage(memberId, change.Language), clock.GetUtcNow()), null, ct);
            if (language is not null) recorded.Add(language);
        }
        if (change.NetworkIds is not null)
        {
            var networks = change.NetworkIds.Distinct().ToList();
            await EnsureNetworksExistAsync(networks, ct);
            var moved = await DecideAsync(memberId, user, checkAccess: true, state =>
            {
                var managed = MemberAccess.ManagedNetworks(user);
                var addedOrRemoved = state!.NetworkIds.Except(networks).Concat(networks.Except(state.NetworkIds));
                if (managed is not null && !addedOrRemoved.All(managed.Contains))
                    throw new MemberAccessDeniedException();
                return MemberDecisions.ChangeNetworks(state, new ChangeMemberNetworks(memberId, networks), clock.GetUtcNow());
            }, null, ct);
            if (moved is not null) recorded.Add(moved);
        }
        return recorded;
    }

    /// <summary>Honours an erasure request: deletes the contact record, blanks the number on the member's outbox rows
    /// (unsent ones then never go), removes every other copy of the number and the reply texts
    /// (<see cref="Privacy.PersonalDataEraser"/>) and records <see cref="MemberErased"/> with the reason, together; then
    /// masks the member's events. Erasing again repeats the clean-up, so an interrupted erasure is completed.</summary>
    public async Task<MemberErased?> EraseAsync(Guid memberId, ClaimsPrincipal user, CancellationToken ct, string reason = ErasureReasons.Request)
    {
        string? phone;
        await using (var query = store.QuerySession())
            phone = (await query.LoadAsync<MemberContact>(memberId, ct))?.Phone;
        var erased = await DecideAsync(memberId, user, checkAccess: true,
            state => MemberDecisions.Erase(state, new EraseMember(memberId, reason), clock.GetUtcNow()),
            session =>
            {
                session.Delete<MemberContact>(memberId);
                session.QueueSqlCommand(outbox.EraseNumberSql, memberId);
                eraser.QueueErasure(session, memberId, phone);
            }, ct);
        if (erased is null)
        {
            // Erased before: repeat what does not need the number, in case the first erasure stopped half-way.
            await using var session = store.OpenSessionFor(user);
            eraser.QueueErasure(session, memberId, null);
            await session.SaveChangesAsync(ct);
        }
        await eraser.MaskEventsAsync(memberId, ct);
        return erased;
    }

    /// <summary>Through the <see cref="CommandPipeline"/>: an unknown member and one the user may not manage are refused
    /// on every attempt, so a concurrent change cannot slip a decision past either check.</summary>
    private Task<TEvent?> DecideAsync<TEvent>(Guid memberId, ClaimsPrincipal user, bool checkAccess, Func<Member?, TEvent?> decide,
        Action<IDocumentSession>? alongside, CancellationToken ct) where TEvent : class =>
        pipeline.RunAsync(memberId, user, (Member? state) =>
        {
            if (state is null) throw new DomainException(DomainMessages.MemberNotFound, "id");
            if (checkAccess) MemberAccess.EnsureMayManage(user, state.NetworkIds);
            return decide(state);
        }, ct, alongside is null ? null : (session, _) => alongside(session));

    private async Task EnsureNetworkExistsAsync(Guid networkId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<NetworkView>(networkId, ct) is null)
            throw new DomainException(ServerMessages.NetworkMissing, "networkId");
    }

    private async Task EnsureNetworksExistAsync(IReadOnlyList<Guid> networkIds, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var found = await session.LoadManyAsync<NetworkView>(ct, networkIds);
        var missing = networkIds.Except(found.Select(n => n.Id)).ToList();
        if (missing.Count > 0)
            throw new DomainException(DomainMessages.AccountNetworkUnknown.With(missing[0]), "networkIds");
    }

    /// <summary>Saves, turning a clash on the unique phone index (a concurrent registration of the same number) into
    /// <see cref="DuplicateMemberException"/>. The database's message would contain the number: it is not passed on.</summary>
    internal static async Task SaveAsync(IDocumentSession session, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (IsPhoneClash(ex))
        {
            throw new DuplicateMemberException(ServerMessages.DuplicateJustRegistered.With().ToString());
        }
    }

    private static bool IsPhoneClash(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && (pg.ConstraintName?.Contains("phone", StringComparison.OrdinalIgnoreCase) ?? false))
                return true;
        return false;
    }
}
