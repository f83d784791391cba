using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Joining;

/// <summary>Zone-wide safeguards of the public join page (beside the per-number and per-address limits of <see cref="JoinOptions"/>).</summary>
public sealed class JoiningOptions
{
    public const string Section = "Joining";

    /// <summary>Verification SMS the whole zone sends in an hour: however many numbers and addresses a script uses,
    /// the SMS bill of the join page stops here.</summary>
    [Range(1, 100_000)] public int MaxCodesPerHour { get; set; } = 60;

    /// <summary>The secret of the keyed hash of client addresses (at least 32 characters). Empty: a random one per
    /// process, so each node counts its own clients; set it (from the environment) when several nodes serve /join.</summary>
    public string AddressKeySecret { get; set; } = "";
}

/// <summary>The keyed hash (HMAC-SHA256) that stands for a client's address: without the secret, a key cannot be
/// traced back to an address by hashing the 4 billion IPv4 addresses. Retention drops it after 24 h.</summary>
public sealed class AddressKeyer(IOptions<JoiningOptions> options)
{
    private readonly byte[] _secret = string.IsNullOrEmpty(options.Value.AddressKeySecret)
        ? RandomNumberGenerator.GetBytes(32)
        : Encoding.UTF8.GetBytes(options.Value.AddressKeySecret);

    public string KeyOf(string address) => Convert.ToHexString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(address)))[..32];
}

/// <summary>
/// Counts verification SMS per clock hour in one row per hour (<see cref="JoinCodeHoursTable"/>); taking one is a
/// single conditional upsert, so parallel requests on any node never send more than <see cref="JoiningOptions.MaxCodesPerHour"/>.
/// </summary>
public sealed class JoinCodeBudget(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> eventStore, IOptions<JoiningOptions> options)
{
    private string Table => $"{eventStore.Value.Schema}.{JoinCodeHoursTable.Name}";

    public async Task<bool> TryTakeAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            DELETE FROM {Table} WHERE hour < @hour - interval '1 day';
            INSERT INTO {Table} AS t (hour, codes) VALUES (@hour, 1)
            ON CONFLICT (hour) DO UPDATE SET codes = t.codes + 1 WHERE t.codes < @max
            RETURNING codes;
            """, connection);
        var hour = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, now.UtcDateTime.Day, now.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
        command.Parameters.AddWithValue("hour", hour);
        command.Parameters.AddWithValue("max", options.Value.MaxCodesPerHour);
        return await command.ExecuteScalarAsync(ct) is not null;
    }
}
