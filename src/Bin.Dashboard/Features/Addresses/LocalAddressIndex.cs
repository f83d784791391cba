using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain.Addresses;
using Bin.Domain.Geometry;
using Marten;
using Marten.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>The addresses of the zone in PostgreSQL (<see cref="AddressTable"/>): searched by trigrams, replaced as a whole.</summary>
public sealed class LocalAddressIndex(IDocumentStore store, IOptions<EventStoreOptions> options) : IAddressSource
{
    // Serialises replacements (imports, and the demo seed of several nodes starting at once).
    private const long ReplaceLock = 0x42494E_414444; // "BIN" "ADD"

    private string Table => $"{options.Value.Schema}.{AddressTable.Name}";

    public async Task<IReadOnlyList<AddressMatch>> SearchAsync(string searchKey, int limit, CancellationToken ct)
    {
        var words = searchKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [];
        // Every word somewhere in the address ("kerkpl 1" finds Kerkplein 1 and 10), or a close spelling of the whole
        // query ("kerkplijn 1"); the ones starting like the query first, then by likeness, then in house-number order.
        var sql = $"""
            SELECT street, number, box, postcode, municipality, lat, lon, demo
            FROM {Table}
            WHERE search LIKE ALL(@words) OR @query <% search
            ORDER BY search LIKE @prefix DESC, word_similarity(@query, search) DESC, street, length(number), number, box NULLS FIRST
            LIMIT @limit
            """;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("words", words.Select(w => "%" + EscapeLike(w) + "%").ToArray());
        command.Parameters.AddWithValue("query", searchKey);
        command.Parameters.AddWithValue("prefix", EscapeLike(searchKey) + "%");
        command.Parameters.AddWithValue("limit", limit);
        var matches = new List<AddressMatch>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (street, number, box, postcode, municipality) = (reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4));
            matches.Add(new AddressMatch(AddressText.Label(street, number, box, postcode, municipality), street, number, box, postcode, municipality,
                reader.GetDouble(5), reader.GetDouble(6), [], reader.GetBoolean(7)));
        }
        return matches;
    }

    /// <summary>
    /// The address nearest to a point, if one lies within <paramref name="withinMetres"/>: what a dispatcher who clicked
    /// the map is offered. The box around the point is read from the position index; the nearest in it is worked out
    /// here (box corners lie farther than the radius, so the distance decides).
    /// </summary>
    public async Task<NearbyAddress?> NearestAsync(double latitude, double longitude, double withinMetres, CancellationToken ct)
    {
        var dLat = withinMetres / MetresPerDegreeLatitude;
        var dLon = withinMetres / (MetresPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180));
        var sql = $"""
            SELECT street, number, box, postcode, municipality, lat, lon, demo
            FROM {Table}
            WHERE lat BETWEEN @south AND @north AND lon BETWEEN @west AND @east
            """;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("south", latitude - dLat);
        command.Parameters.AddWithValue("north", latitude + dLat);
        command.Parameters.AddWithValue("west", longitude - dLon);
        command.Parameters.AddWithValue("east", longitude + dLon);
        NearbyAddress? nearest = null;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var metres = ServiceArea.DistanceMetres(latitude, longitude, reader.GetDouble(5), reader.GetDouble(6));
            if (metres > withinMetres || nearest is not null && nearest.Metres <= metres) continue;
            var (street, number, box, postcode, municipality) = (reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4));
            nearest = new NearbyAddress(new AddressMatch(AddressText.Label(street, number, box, postcode, municipality), street, number, box, postcode, municipality,
                reader.GetDouble(5), reader.GetDouble(6), [], reader.GetBoolean(7)), metres);
        }
        return nearest;
    }

    /// <summary>Slightly more than the length of a degree of latitude anywhere: the box is never too small.</summary>
    private const double MetresPerDegreeLatitude = 110_500;

    /// <summary>How many addresses the index holds, and whether they are the demo set.</summary>
    public async Task<(long Count, bool Demo)> CountAsync(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT count(*), coalesce(bool_and(demo), false) FROM {Table}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetBoolean(1));
    }

    /// <summary>
    /// Replaces every address (demo ones included) with <paramref name="addresses"/> in one transaction: searches see the
    /// old set or the new one, never a mix or an empty index. <paramref name="onlyIfEmpty"/>: do nothing when the index
    /// already holds addresses (the demo seed). Returns whether it replaced.
    /// </summary>
    public async Task<bool> ReplaceAsync(IReadOnlyList<RegistryAddress> addresses, bool demo, bool onlyIfEmpty, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.ReadWrite);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var locking = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, tx))
        {
            locking.Parameters.AddWithValue("key", ReplaceLock);
            await locking.ExecuteNonQueryAsync(ct);
        }
        if (onlyIfEmpty)
        {
            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Table})", connection, tx);
            if ((bool)(await any.ExecuteScalarAsync(ct))!) return false;
        }
        await using (var delete = new NpgsqlCommand($"DELETE FROM {Table}", connection, tx))
            await delete.ExecuteNonQueryAsync(ct);
        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY {Table} (id, street, number, box, postcode, municipality, lat, lon, search, demo) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in addresses)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(a.Id, NpgsqlDbType.Text, ct);
                await import.WriteAsync(a.Street, NpgsqlDbType.Text, ct);
                await import.WriteAsync(a.Number, NpgsqlDbType.Text, ct);
                if (a.Box is null) await import.WriteNullAsync(ct);
                else await import.WriteAsync(a.Box, NpgsqlDbType.Text, ct);
                await import.WriteAsync(a.Postcode, NpgsqlDbType.Text, ct);
                await import.WriteAsync(a.Municipality, NpgsqlDbType.Text, ct);
                await import.WriteAsync(a.Latitude, NpgsqlDbType.Double, ct);
                await import.WriteAsync(a.Longitude, NpgsqlDbType.Double, ct);
                await import.WriteAsync(a.SearchKey, NpgsqlDbType.Text, ct);
                await import.WriteAsync(demo, NpgsqlDbType.Boolean, ct);
            }
            await import.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
