using Marten;
using Marten.Storage;
using Npgsql;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// <see cref="IMemberDirectory"/> over the member views and contact records. The bulk questions (who to alert, how
/// many per network) are one SQL statement each over the projection tables, so they cost the same for 40 members
/// as for 10,000: no query per member.
/// </summary>
public sealed class MemberDirectory(IDocumentStore store, MemberCommands commands) : IMemberDirectory
{
    private sealed record CountRow(Guid NetworkId, int Count);

    private string Views => store.Options.Schema.For<MemberView>();

    private string Contacts => store.Options.Schema.For<MemberContact>();

    public async Task<IReadOnlyList<Recipient>> ActiveRecipientsAsync(IReadOnlyList<Guid> networkIds, CancellationToken ct)
    {
        if (networkIds.Count == 0) return [];
        // One row per active member with a contact record: the lateral subquery picks the first of the requested
        // networks (in the caller's order) that the member belongs to, and drops members of none of them.
        // Read with typed columns straight from Npgsql: for 10,000 members this takes ~70 ms here, against ~200 ms
        // for the same query returning JSON rows through Marten's AdvancedSql (SQL itself: ~55 ms, two seq scans).
        var sql = $"""
            select v.id, first_network.id, v.data ->> 'Language', c.phone
            from {Views} v
            join {Contacts} c on c.id = v.id
            cross join lateral (
                select requested.id
                from unnest(@networks::uuid[]) with ordinality as requested(id, position)
                where v.data -> 'NetworkIds' @> to_jsonb(requested.id::text)
                order by requested.position
                limit 1) first_network
            where (v.data ->> 'Active')::boolean
            order by first_network.id, v.id
            """;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("networks", networkIds.Distinct().ToArray());
        var recipients = new List<Recipient>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            recipients.Add(new Recipient(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3)));
        return recipients;
    }

    public async Task<MemberMatch?> FindByPhoneAsync(string e164, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        // The phone column carries the unique index.
        var contact = await session.Query<MemberContact>().Where(c => c.Phone == e164).FirstOrDefaultAsync(ct);
        if (contact is null) return null;
        var view = await session.LoadAsync<MemberView>(contact.Id, ct);
        return view is null ? null : new MemberMatch(view.Id, view.Language, view.Active);
    }

    public async Task<IReadOnlyDictionary<string, MemberMatch>> FindByPhonesAsync(IReadOnlyCollection<string> e164s, CancellationToken ct)
    {
        if (e164s.Count == 0) return new Dictionary<string, MemberMatch>();
        var sql = $"""
            select c.phone, v.id, v.data ->> 'Language', (v.data ->> 'Active')::boolean
            from {Contacts} c
            join {Views} v on v.id = c.id
            where c.phone = any(@phones)
            """;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("phones", e164s.Distinct().ToArray());
        var found = new Dictionary<string, MemberMatch>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found[reader.GetString(0)] = new MemberMatch(reader.GetGuid(1), reader.GetString(2), reader.GetBoolean(3));
        return found;
    }

    public async Task<IReadOnlyDictionary<Guid, int>> ActiveCountsAsync(CancellationToken ct)
    {
        var sql = $"""
            select jsonb_build_object('NetworkId', network.id, 'Count', count(*))
            from {Views} v
            cross join lateral jsonb_array_elements_text(v.data -> 'NetworkIds') as network(id)
            where (v.data ->> 'Active')::boolean
            group by network.id
            """;
        await using var session = store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<CountRow>(sql, ct);
        return rows.ToDictionary(r => r.NetworkId, r => r.Count);
    }

    public async Task<bool> OptOutAsync(Guid memberId, string via, CancellationToken ct) => await commands.OptOutBySmsAsync(memberId, via, ct) is not null;
}
