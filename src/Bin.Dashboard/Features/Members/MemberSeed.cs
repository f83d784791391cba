using System.Security.Cryptography;
using System.Text;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Seeding;
using Bin.Domain.Members;
using Marten;
using Marten.Exceptions;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// Demo members for the seven Lommel networks (Development, <c>Seed:DemoData</c>): 665 people with plausible
/// Flemish names and some French-, German- and English-speaking residents, a few in two networks, a few opted out.
/// Everything is derived from a fixed seed, so every installation gets the same people with the same ids.
/// Idempotent: members whose stream exists (even erased ones) are left alone, so restarts and a second node
/// change nothing.
/// <para>
/// Their numbers are all in the block <c>+32 479 90 00 00 – +32 479 90 99 99</c> (<see cref="IsDemoNumber"/>). They are
/// well-formed Belgian mobile numbers, because the registry accepts nothing else, and may belong to real people:
/// demo data is for the SMS simulator only and must never be combined with a real gateway.
/// </para>
/// </summary>
public static class MemberSeed
{
    public const string DemoBlock = "+3247990";

    /// <summary>Registered members per network (a few of them opted out since).</summary>
    public static readonly IReadOnlyList<(string Network, int Members)> Plan =
    [
        ("Kerkplein", 120), ("Slachthuis", 85), ("Servaesdreef", 150), ("Molle Hoeven", 60),
        ("West Kei", 95), ("Leuken", 110), ("Parelstrand", 45),
    ];

    /// <summary>Kerkplein members who are also in Slachthuis (they live on the edge of both).</summary>
    public const int KerkpleinAlsoInSlachthuis = 6;

    private const int Seed = 5371;
    private const int BatchSize = 250;

    public static bool IsDemoNumber(string e164) => e164.Length == 12 && e164.StartsWith(DemoBlock, StringComparison.Ordinal);

    /// <summary>One planned demo member; <see cref="OptedOut"/> ones get an opt-out after registering.</summary>
    public sealed record DemoMember(Guid Id, string Name, string Phone, IReadOnlyList<Guid> NetworkIds, Language Language, int ConsentDaysAgo,
        string ConsentMethod, bool OptedOut);

    /// <summary>The demo members, in a fixed order, for the networks with these names.</summary>
    public static IReadOnlyList<DemoMember> Members(IReadOnlyDictionary<string, Guid> networksByName)
    {
        var random = new Random(Seed);
        var members = new List<DemoMember>();
        var number = 0;
        foreach (var (network, count) in Plan)
        {
            if (!networksByName.TryGetValue(network, out var networkId)) continue;
            for (var i = 0; i < count; i++)
            {
                var language = PickLanguage(random, holidayPark: network == "Parelstrand");
                var name = PickName(random, language);
                IReadOnlyList<Guid> networks = network == "Kerkplein" && i < KerkpleinAlsoInSlachthuis && networksByName.TryGetValue("Slachthuis", out var slachthuis)
                    ? [networkId, slachthuis]
                    : [networkId];
                var consentDaysAgo = random.Next(20, 1_300);
                var method = ConsentMethods[random.Next(100) switch { < 60 => 0, < 85 => 1, _ => 2 }];
                var optedOut = random.Next(100) < 3;
                members.Add(new DemoMember(IdOf(network, i), name, $"{DemoBlock}{number++:0000}", networks, language, consentDaysAgo, method, optedOut));
            }
        }
        return members;
    }

    public static async Task<int> SeedAsync(IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        Dictionary<string, Guid> networks;
        await using (var query = store.QuerySession())
            networks = (await query.Query<NetworkView>().ToListAsync(ct)).ToDictionary(n => n.Name, n => n.Id);
        var planned = Members(networks);
        var registered = 0;
        foreach (var batch in planned.Chunk(BatchSize))
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = SeedActor.Name;
            var ids = batch.Select(m => m.Id).ToArray();
            var phones = batch.Select(m => m.Phone).ToArray();
            var existingIds = (await session.Query<MemberView>().Where(v => ids.Contains(v.Id)).Select(v => v.Id).ToListAsync(ct)).ToHashSet();
            // A demo number someone registered by hand stays theirs.
            var takenPhones = (await session.Query<MemberContact>().Where(c => phones.Contains(c.Phone)).Select(c => c.Phone).ToListAsync(ct)).ToHashSet();
            var now = clock.GetUtcNow();
            var added = 0;
            foreach (var member in batch.Where(m => !existingIds.Contains(m.Id) && !takenPhones.Contains(m.Phone)))
            {
                var consentAt = new DateTimeOffset(now.AddDays(-member.ConsentDaysAgo).Date.AddHours(19.5), TimeSpan.Zero);
                // Registered the evening they consented, so the networks have a past: replay, growth figures and the
                // demo history see who was a member when.
                var events = new List<object>
                {
                    MemberDecisions.Register(null, new RegisterMember(member.Id, member.NetworkIds, member.Language.Code(), consentAt, member.ConsentMethod), consentAt),
                };
                if (member.OptedOut) events.Add(new MemberOptedOut(member.Id, "sms", now));
                session.Store(new MemberContact { Id = member.Id, Name = member.Name, Phone = member.Phone });
                var stream = session.Events.StartStream<MemberView>(member.Id, events.ToArray());
                stream.Events[0].Timestamp = consentAt;
                added++;
            }
            if (added == 0) continue;
            try
            {
                await MemberCommands.SaveAsync(session, ct);
                registered += added;
            }
            catch (Exception ex) when (ex is DuplicateMemberException or ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
                                       || ex.InnerException is ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException)
            {
                // Another node seeded this batch at the same moment (or someone took a demo number meanwhile): the
                // next start fills in whatever is still missing.
            }
        }
        return registered;
    }

    private static Guid IdOf(string network, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"bin-demo-member/{network}/{index}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static Language PickLanguage(Random random, bool holidayPark)
    {
        var roll = random.Next(100);
        return holidayPark
            ? roll switch { < 70 => Language.Nl, < 82 => Language.De, < 92 => Language.En, _ => Language.Fr }
            : roll switch { < 88 => Language.Nl, < 93 => Language.Fr, < 96 => Language.De, _ => Language.En };
    }

    public static string PickName(Random random, Language language)
    {
        var (first, last) = language switch
        {
            Language.Fr => (FrenchFirst, FrenchLast),
            Language.De => (GermanFirst, GermanLast),
            Language.En => (EnglishFirst, EnglishLast),
            _ => (FlemishFirst, FlemishLast),
        };
        return $"{first[random.Next(first.Length)]} {last[random.Next(last.Length)]}";
    }

    private static readonly string[] ConsentMethods = ["papieren formulier op infoavond", "inschrijvingsformulier op de website", "overgenomen uit de vorige ledenlijst (csv)"];

    private static readonly string[] FlemishFirst =
    [
        "Jan", "Luc", "Marc", "Dirk", "Patrick", "Koen", "Bart", "Tom", "Wim", "Jef", "Stijn", "Pieter", "Joris", "Geert", "Hans", "Kris", "Ruben",
        "Jonas", "Lars", "Wout", "Maarten", "Frank", "Rik", "Ward", "Lotte", "An", "Els", "Ilse", "Katrien", "Sofie", "Griet", "Hilde", "Annelies",
        "Veerle", "Liesbeth", "Nele", "Inge", "Marleen", "Lien", "Femke", "Eline", "Jolien", "Leen", "Mieke", "Ria", "Karolien", "Tine", "Maria",
    ];

    private static readonly string[] FlemishLast =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "Vermeulen", "Hermans", "Aerts", "Michiels",
        "Lambrechts", "Vanderhoydonck", "Theunis", "Luyten", "Geboers", "Bosmans", "Vanhoof", "Swinnen", "Cuypers", "Vandersanden", "Nijs",
        "Jaspers", "Kenis", "Bollen", "Meuwis", "Lenaerts", "Vanherk", "Reynders", "Daems", "Coenen", "Schepers", "Cools", "Hendrickx",
        "Verheyen", "Ceyssens", "Moons", "Bijnens", "Smeets", "Van den Broeck", "De Smet", "Van Hout", "Geusens", "Vaes", "Stevens", "Thijs",
    ];

    private static readonly string[] FrenchFirst = ["Élodie", "Amélie", "François", "Benoît", "Céline", "Mathilde", "Julien", "Sébastien", "Aurélie", "Nicolas", "Hélène", "Jérôme"];

    private static readonly string[] FrenchLast = ["Dubois", "Lambert", "Martin", "Dupont", "Lejeune", "Renard", "Leclercq", "Simon", "Laurent", "Mathieu", "Lefèvre", "Delvaux"];

    private static readonly string[] GermanFirst = ["Jürgen", "Anke", "Stefan", "Birgit", "Lukas", "Katrin", "Matthias", "Sabine", "Jörg", "Ute"];

    private static readonly string[] GermanLast = ["Schmitz", "Müller", "Krings", "Kessler", "Weber", "Heinen", "Schröder", "Wagner", "Hoffmann", "Jansen"];

    private static readonly string[] EnglishFirst = ["Emma", "James", "Olivia", "Thomas", "Sarah", "Daniel", "Hannah", "Oliver", "Chloe", "Liam"];

    private static readonly string[] EnglishLast = ["Smith", "Taylor", "Brown", "Wilson", "Evans", "Walsh", "Murphy", "Clarke", "O'Brien", "Hughes"];
}
