using System.Security.Claims;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Geometry;
using Bin.Domain.Joining;
using Bin.Domain.Members;
using Bin.Domain.Networks;
using Bin.Domain.Sms;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Joining;

/// <summary>A network at the place a resident picked.</summary>
public sealed record NetworkChoice(Guid Id, string Name, NetworkStatus Status);

/// <summary>What covers a place: networks one can join (active), and networks being founded there.</summary>
public sealed record JoinLookup(double Latitude, double Longitude, IReadOnlyList<NetworkChoice> Joinable, IReadOnlyList<NetworkChoice> Founding, IReadOnlyList<NetworkChoice> Paused)
{
    public bool Covered => Joinable.Count > 0;
}

/// <summary>What a resident typed on the public page.</summary>
public sealed record JoinForm(JoinPurpose Purpose, double Latitude, double Longitude, Guid? NetworkId, string? Name, string? Phone, string? Language, bool Consent);

/// <summary>Fields the resident must correct (field → rule, in English; the page shows its own words per field).</summary>
public sealed class JoinInputException(IReadOnlyDictionary<string, string> errors) : DomainException(errors.First().Value, errors.First().Key)
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>Too many codes asked for one number or from one address; the same answer whoever the number belongs to.</summary>
public sealed class JoinRateLimitedException() : DomainException(ServerMessages.JoinRateLimited, "rate");

public enum ConfirmOutcome { Confirmed, WrongCode, Expired, Locked, Unknown }

/// <summary>A confirmed join request as the coordinator sees it.</summary>
public sealed record PendingJoinRequest(Guid Id, Guid NetworkId, string NetworkName, string Name, string Phone, string Language, DateTimeOffset ConfirmedAt);

/// <summary>A resident who asked for a BIN here, with how to reach them.</summary>
public sealed record InterestedResident(string Name, string Phone, string Language, DateTimeOffset ConfirmedAt);

public sealed class JoinOptions
{
    public const string Section = "Join";

    /// <summary>Codes per number per hour.</summary>
    public int CodesPerNumberPerHour { get; set; } = 3;

    /// <summary>Requests per client address per hour.</summary>
    public int RequestsPerAddressPerHour { get; set; } = 10;
}

/// <summary>
/// The public join path. Residents find what covers their place, ask to join (or to found a BIN), and confirm their
/// number with a code sent by SMS through the outbox. The answer to a request never depends on whether the number
/// already belongs to a member. Confirmed requests go to the network's coordinator, who approves (the resident becomes
/// a member through the member registry) or declines.
/// </summary>
public sealed class JoinService(
    IDocumentStore store,
    CommandPipeline pipeline,
    NetworkDirectory directory,
    NetworkCommands networks,
    MemberCommands members,
    OutboxWriter outbox,
    ServiceArea zone,
    TimeProvider clock,
    IOptions<JoinOptions> options,
    JoinCodeBudget codeBudget,
    IOptions<JoiningOptions> codeBudgetOptions,
    ILogger<JoinService> logger)
{
    public const string ConsentMethod = "join page";

    public async Task<JoinLookup> LookupAsync(double latitude, double longitude, CancellationToken ct)
    {
        zone.EnsureInside(latitude, longitude);
        var snapshot = await directory.CurrentAsync(ct);
        var here = snapshot.Resolver.Containing(latitude, longitude)
            .Select(id => new NetworkChoice(id, snapshot.NameOf(id), snapshot.StatusOf(id) ?? NetworkStatus.Active)).ToList();
        return new JoinLookup(latitude, longitude,
            here.Where(n => n.Status == NetworkStatus.Active).ToList(),
            here.Where(n => n.Status is NetworkStatus.Proposed or NetworkStatus.Founding or NetworkStatus.Recognised).ToList(),
            here.Where(n => n.Status == NetworkStatus.Suspended).ToList());
    }

    /// <summary>Checks the form, applies the rate limits, records the application and queues the code SMS in one transaction.</summary>
    /// <returns>The application id the code is confirmed against.</returns>
    public async Task<Guid> RequestAsync(JoinForm form, string clientKey, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var name = Try(() => MemberName.Parse(form.Name), errors);
        var phone = Try(() => (MobileNumber?)PhoneNumber.Parse(form.Phone), errors);
        var language = Try(() => (Language?)Languages.Parse(form.Language), errors);
        if (!form.Consent) errors["consent"] = ServerMessages.JoinConsentRequired.With().ToString();
        JoinLookup? lookup = null;
        try
        {
            lookup = await LookupAsync(form.Latitude, form.Longitude, ct);
        }
        catch (DomainException ex)
        {
            errors["location"] = ex.Message;
        }
        if (lookup is not null)
        {
            if (form.Purpose == JoinPurpose.Join && !lookup.Joinable.Any(n => n.Id == form.NetworkId))
                errors["network"] = ServerMessages.JoinChooseNetwork.With().ToString();
            if (form.Purpose == JoinPurpose.FoundingInterest && lookup.Covered)
                errors["network"] = ServerMessages.JoinAlreadyCovered.With().ToString();
        }
        if (errors.Count > 0) throw new JoinInputException(errors);

        var now = clock.GetUtcNow();
        var since = now.AddHours(-1);
        await using var session = store.LightweightSession();
        session.LastModifiedBy = NetworkCommands.PublicActor.Identity!.Name;
        var e164 = phone!.Value.E164;
        var perNumber = await session.Query<JoinApplication>().CountAsync(a => a.Phone == e164 && a.CreatedAt >= since, ct);
        var perAddress = await session.Query<JoinApplication>().CountAsync(a => a.ClientKey == clientKey && a.CreatedAt >= since, ct);
        if (perNumber >= options.Value.CodesPerNumberPerHour || perAddress >= options.Value.RequestsPerAddressPerHour)
        {
            logger.LogWarning("Join request refused by rate limit ({PerNumber} for the number, {PerAddress} for the address in the last hour)", perNumber, perAddress);
            throw new JoinRateLimitedException();
        }
        if (!await codeBudget.TryTakeAsync(now, ct))
        {
            logger.LogWarning("Join request refused: the zone sent its {Max} verification codes of this hour", codeBudgetOptions.Value.MaxCodesPerHour);
            throw new JoinRateLimitedException();
        }

        var (code, salt) = JoinCode.New();
        var application = new JoinApplication
        {
            Id = Guid.CreateVersion7(),
            Purpose = form.Purpose,
            NetworkId = form.Purpose == JoinPurpose.Join ? form.NetworkId : null,
            Latitude = form.Purpose == JoinPurpose.FoundingInterest ? form.Latitude : null,
            Longitude = form.Purpose == JoinPurpose.FoundingInterest ? form.Longitude : null,
            Name = name!,
            Phone = e164,
            Language = language!.Value.Code(),
            ConsentAt = now,
            CodeHash = JoinCode.Hash(code, salt),
            CodeSalt = salt,
            CodeExpiresAt = now + JoinCode.Lifetime,
            ClientKey = clientKey,
            CreatedAt = now,
            Status = JoinApplicationStatus.AwaitingCode,
        };
        session.Store(application);
        var body = JoinCode.Message(code, application.Language);
        outbox.QueueInsert(session, new OutboxMessage(Guid.CreateVersion7(), null, Guid.Empty, application.NetworkId ?? Guid.Empty,
            MessageKind.JoinCode, application.Language, e164, body, SmsEncoding.Analyze(body).Segments, ApplicationId: application.Id), now);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Join application {Application} ({Purpose}) awaits its code", application.Id, application.Purpose);
        return application.Id;
    }

    /// <summary>Checks the code. A join request then waits for the coordinator; founding interest goes to an idea.</summary>
    public async Task<ConfirmOutcome> ConfirmAsync(Guid applicationId, string? code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        session.LastModifiedBy = NetworkCommands.PublicActor.Identity!.Name;
        var application = await session.LoadAsync<JoinApplication>(applicationId, ct);
        if (application is null) return ConfirmOutcome.Unknown;
        if (application.Status == JoinApplicationStatus.Locked) return ConfirmOutcome.Locked;
        if (application.Status != JoinApplicationStatus.AwaitingCode) return ConfirmOutcome.Confirmed;
        if (now > application.CodeExpiresAt) return ConfirmOutcome.Expired;
        if (!JoinCode.Matches(code, application.CodeSalt, application.CodeHash))
        {
            application.Attempts++;
            if (application.Attempts >= JoinCode.MaxAttempts) application.Status = JoinApplicationStatus.Locked;
            session.Store(application);
            await session.SaveChangesAsync(ct);
            return application.Status == JoinApplicationStatus.Locked ? ConfirmOutcome.Locked : ConfirmOutcome.WrongCode;
        }

        application.ConfirmedAt = now;
        application.CodeHash = "";
        if (application.Purpose == JoinPurpose.Join)
        {
            application.Status = JoinApplicationStatus.Confirmed;
            session.Store(application);
            // Optimistic: a second confirmation of the same application (two tabs) fails on the existing stream.
            session.Events.StartStream<JoinRequestView>(application.Id,
                new JoinRequestConfirmed(application.Id, application.NetworkId!.Value, application.Language, application.ConsentAt, now));
            await session.SaveChangesAsync(ct);
            logger.LogInformation("Join request {Application} confirmed for network {Network}", application.Id, application.NetworkId);
            return ConfirmOutcome.Confirmed;
        }

        // Founding interest: an idea opens here, or the interest joins the one already open.
        application.NetworkId = await networks.RegisterResidentsIdeaAsync(application.Latitude!.Value, application.Longitude!.Value, ct);
        application.Status = JoinApplicationStatus.Confirmed;
        session.Store(application);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Founding interest {Application} recorded on network {Network}", application.Id, application.NetworkId);
        return ConfirmOutcome.Confirmed;
    }

    /// <summary>Confirmed join requests of the networks <paramref name="user"/> manages members of, oldest first.</summary>
    public async Task<IReadOnlyList<PendingJoinRequest>> PendingAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var confirmed = await session.Query<JoinApplication>()
            .Where(a => a.Status == JoinApplicationStatus.Confirmed && a.Purpose == JoinPurpose.Join)
            .OrderBy(a => a.ConfirmedAt).ToListAsync(ct);
        var names = await directory.CurrentAsync(ct);
        return confirmed.Where(a => MemberAccess.MayManage(user, a.NetworkId!.Value))
            .Select(a => new PendingJoinRequest(a.Id, a.NetworkId!.Value, names.NameOf(a.NetworkId!.Value), a.Name, a.Phone, a.Language, a.ConfirmedAt!.Value))
            .ToList();
    }

    /// <summary>Residents who asked for a BIN where this network is being founded, for the police to contact (administrators).</summary>
    public async Task<IReadOnlyList<InterestedResident>> InterestedAsync(Guid networkId, ClaimsPrincipal user, CancellationToken ct)
    {
        NetworkCommands.EnsureMayManage(user);
        await using var session = store.QuerySession();
        var applications = await session.Query<JoinApplication>()
            .Where(a => a.Purpose == JoinPurpose.FoundingInterest && a.Status == JoinApplicationStatus.Confirmed && a.NetworkId == networkId)
            .OrderBy(a => a.ConfirmedAt).ToListAsync(ct);
        return applications.Select(a => new InterestedResident(a.Name, a.Phone, a.Language, a.ConfirmedAt!.Value)).ToList();
    }

    /// <summary>
    /// Approves: the resident becomes a member through the member registry (or, when the number already belongs to a
    /// member, that member joins this network, or rejoins it), gets a welcome SMS, and the record forgets their details.
    /// </summary>
    public async Task<Guid> ApproveAsync(Guid applicationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var application = await LoadPendingAsync(applicationId, user, ct);
        var networkId = application.NetworkId!.Value;
        Guid memberId;
        try
        {
            memberId = (await members.RegisterAsync(networkId,
                new NewMember(application.Name, application.Phone, application.Language, ConsentMethod, application.ConsentAt), user, ct)).MemberId;
        }
        catch (DuplicateMemberException)
        {
            memberId = await AddExistingMemberAsync(application, user, ct);
        }

        var now = clock.GetUtcNow();
        var network = (await directory.CurrentAsync(ct)).NameOf(networkId);
        var welcome = JoinCode.Welcome(network, application.Language);
        var phone = application.Phone;
        await pipeline.RunAsync(applicationId, user,
            (JoinRequest? request) => JoinRequestDecisions.Approve(request, new ApproveJoinRequest(applicationId, memberId), now), ct,
            (session, _) =>
            {
                outbox.QueueInsert(session, new OutboxMessage(Guid.CreateVersion7(), null, memberId, networkId, MessageKind.Welcome,
                    application.Language, phone, welcome, SmsEncoding.Analyze(welcome).Segments, ApplicationId: applicationId), now);
                Forget(application, now);
                session.Store(application);
            });
        return memberId;
    }

    public async Task DeclineAsync(Guid applicationId, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var application = await LoadPendingAsync(applicationId, user, ct);
        var now = clock.GetUtcNow();
        await pipeline.RunAsync(applicationId, user,
            (JoinRequest? request) => JoinRequestDecisions.Decline(request, new DeclineJoinRequest(applicationId, reason), now), ct,
            (session, _) =>
            {
                Forget(application, now);
                session.Store(application);
            });
    }

    private async Task<JoinApplication> LoadPendingAsync(Guid applicationId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var application = await session.LoadAsync<JoinApplication>(applicationId, ct);
        if (application is not { Purpose: JoinPurpose.Join, Status: JoinApplicationStatus.Confirmed, NetworkId: not null })
            throw new DomainException(ServerMessages.JoinNotWaiting, "requestId");
        MemberAccess.EnsureMayManage(user, application.NetworkId.Value);
        return application;
    }

    /// <summary>The number is already a member's: make sure that member is an active member of this network too.</summary>
    private async Task<Guid> AddExistingMemberAsync(JoinApplication application, ClaimsPrincipal user, CancellationToken ct)
    {
        var networkId = application.NetworkId!.Value;
        MemberView? member;
        await using (var session = store.QuerySession())
        {
            var id = await session.Query<MemberContact>().Where(c => c.Phone == application.Phone).Select(c => c.Id).FirstOrDefaultAsync(ct);
            member = id == Guid.Empty ? null : await session.LoadAsync<MemberView>(id, ct);
        }
        if (member is null) throw new DomainException(ServerMessages.JoinNumberRegistered, "phone");
        try
        {
            if (!member.NetworkIds.Contains(networkId))
                await members.ChangeAsync(member.Id, new MemberChange(null, [.. member.NetworkIds, networkId]), user, ct);
            if (member.Status == MemberStatus.OptedOut)
                await members.RejoinAsync(member.Id, application.ConsentAt, ConsentMethod, user, ct);
        }
        catch (MemberAccessDeniedException)
        {
            throw new DomainException(ServerMessages.JoinOtherNetwork, "phone");
        }
        return member.Id;
    }

    /// <summary>After the decision the record keeps no name and no number: the member registry has them if approved.</summary>
    private static void Forget(JoinApplication application, DateTimeOffset now)
    {
        application.Name = "";
        application.Phone = "";
        application.CodeSalt = "";
        application.Status = JoinApplicationStatus.Decided;
        application.DecidedAt = now;
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
}
