using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>
/// The local address index: one row per address of the zone, from the registry's export (or the demo set), searched by
/// trigrams (<c>pg_trgm</c>, shipped with PostgreSQL) on a key without case, accents or punctuation. Marten creates the
/// extension, the table and its indexes at start-up like its own objects. Network membership is not stored: it is asked
/// of the current boundaries on every search, so a redrawn network needs no re-import.
/// </summary>
public static class AddressTable
{
    public const string Name = "bin_addresses";

    public static IReadOnlyList<ISchemaObject> Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("id", "text").AsPrimaryKey();
        table.AddColumn("street", "text").NotNull();
        table.AddColumn("number", "text").NotNull();
        table.AddColumn("box", "text");
        table.AddColumn("postcode", "text").NotNull();
        table.AddColumn("municipality", "text").NotNull();
        table.AddColumn("lat", "double precision").NotNull();
        table.AddColumn("lon", "double precision").NotNull();
        // AddressText.SearchKey of the label.
        table.AddColumn("search", "text").NotNull();
        // The demo seed's addresses (shown as such); an import of the registry replaces them.
        table.AddColumn("demo", "boolean").NotNull().DefaultValueByExpression("false");
        table.Indexes.Add(new IndexDefinition("bin_addresses_search_trgm") { Columns = ["search"], Method = IndexMethod.gin, Mask = "? gin_trgm_ops" });
        // The nearest address to a point on the map: a narrow band of latitude, then longitude, read from the index.
        table.Indexes.Add(new IndexDefinition("bin_addresses_position") { Columns = ["lat", "lon"] });
        // The extension first: the index needs its operator class.
        return [new Extension("pg_trgm"), table];
    }
}
