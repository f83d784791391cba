using Bin.Dashboard.Features.Addresses;
using Bin.Domain;

namespace Bin.Dashboard.Tests.Addresses;

/// <summary>Answers like the real search over the demo set's Kerkplein; records who asked; refuses past a set number of anonymous searches.</summary>
internal sealed class FakeAddressFinder : IAddressFinder
{
    public static readonly Guid Kerkplein = Guid.Parse("0b5e3f2a-5371-4c01-9a01-000000000001");

    public List<(string Query, bool Anonymous)> Asked { get; } = [];
    public int AnonymousAllowed { get; set; } = int.MaxValue;

    public Task<IReadOnlyList<AddressMatch>> FindAsync(string query, bool anonymous, CancellationToken ct)
    {
        if (query.Trim().Length < AddressLookup.MinQueryLength) throw new DomainException("Typ minstens 2 letters of cijfers van het adres.", "q");
        Asked.Add((query, anonymous));
        if (anonymous && Asked.Count(a => a.Anonymous) > AnonymousAllowed) throw new AddressSearchLimitedException();
        IReadOnlyList<AddressMatch> found = query.Contains("kerkplein", StringComparison.OrdinalIgnoreCase)
            ? [
                new("Kerkplein 1, 3920 Lommel", "Kerkplein", "1", null, "3920", "Lommel", 51.2305, 5.3122, [Kerkplein], Demo: true),
                new("Kerkplein 2, 3920 Lommel", "Kerkplein", "2", null, "3920", "Lommel", 51.23055, 5.31234, [Kerkplein], Demo: true),
            ]
            : [];
        return Task.FromResult(found);
    }
}
