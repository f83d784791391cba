using Bin.Dashboard.Infrastructure.Seeding;
using Bin.Domain.Addresses;
using Bin.Domain.Geometry;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>
/// With the demo seed: a small address set for the demo networks (Lommel streets, positions made up inside the
/// indicative boundaries), kept in <c>Seed/lommel-addresses.csv</c> in the registry's export format and read by the same
/// reader as an import. Only into an empty index, so an imported registry is never overwritten; marked as demo data.
/// </summary>
internal sealed class AddressSeed(LocalAddressIndex index, ServiceArea zone, IOptions<SeedOptions> seed, IHostEnvironment environment, ILogger<AddressSeed> logger) : IHostedService
{
    public const string File = "Seed/lommel-addresses.csv";

    public async Task StartAsync(CancellationToken ct)
    {
        if (!seed.Value.DemoData) return;
        using var reader = new StreamReader(Path.Combine(environment.ContentRootPath, File));
        var reading = AddressRegistryCsv.Read(reader, zone);
        if (!reading.Accepted)
            throw new InvalidOperationException($"{File} cannot be read: {string.Join("; ", reading.Problems)}");
        if (await index.ReplaceAsync(reading.Addresses, demo: true, onlyIfEmpty: true, ct))
            logger.LogInformation("Demo seed: {Count} demo addresses", reading.Addresses.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
