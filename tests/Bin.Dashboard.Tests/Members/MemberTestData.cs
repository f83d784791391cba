using System.Net.Http.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;
using Npgsql;

namespace Bin.Dashboard.Tests.Members;

/// <summary>Numbers, networks and raw rows for the member tests.</summary>
internal static class MemberTestData
{
    private static int _next = Random.Shared.Next(0, 400_000);

    /// <summary>A fresh Belgian mobile number (0476 xx xx xx, outside the demo seed's block), national notation.</summary>
    public static string NewPhone() => $"0476 {Interlocked.Increment(ref _next):000000}";

    /// <summary>The E.164 form of <see cref="NewPhone"/>'s notation.</summary>
    public static string E164(string national) => "+32" + national.Replace(" ", "")[1..];

    public static async Task<Guid> NetworkIdAsync(BinAppFactory app, string name)
    {
        await using var session = app.Service<IDocumentStore>().QuerySession();
        return (await session.Query<NetworkView>().Where(n => n.Name == name).SingleAsync()).Id;
    }

    public sealed record Created(Guid Id);

    public static async Task<Guid> RegisterAsync(HttpClient client, Guid networkId, string name, string phone, string language = "nl")
    {
        var response = await client.PostAsJsonAsync($"/api/networks/{networkId}/members",
            new { name, phone, language, consentMethod = "paper form at info evening" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    /// <summary>The raw JSON of every event in the member's stream, and of the member's view, as PostgreSQL stores them.</summary>
    public static async Task<IReadOnlyList<string>> StoredJsonAsync(BinAppFactory app, Guid memberId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var json = new List<string>();
        foreach (var sql in new[] { "select data::text from bin.mt_events where stream_id = @id", "select data::text from bin.mt_doc_memberview where id = @id" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", memberId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) json.Add(reader.GetString(0));
        }
        return json;
    }
}
