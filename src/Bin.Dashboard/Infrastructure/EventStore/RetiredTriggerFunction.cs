using DbDataReader = System.Data.Common.DbDataReader;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Bin.Dashboard.Infrastructure.EventStore;

/// <summary>
/// A trigger function an earlier version created and this one no longer has: Marten's migration drops it, with its
/// triggers, where it still exists. Weasel only creates and changes what is registered, so leaving an object out of
/// the schema would leave it running in every database made before.
/// </summary>
public sealed class RetiredTriggerFunction(string schema, string name) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General);

    /// <summary>Bringing the database up to date with this object means its absence.</summary>
    public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
        writer.WriteLine($"DROP FUNCTION IF EXISTS {Identifier.QualifiedName}() CASCADE;");

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
    }

    public void ConfigureQueryCommand(DbCommandBuilder builder) => TriggerFunction.QueryStoredBody(builder, schema, name);

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct) =>
        new SchemaObjectDelta(this, await reader.ReadAsync(ct) ? SchemaPatchDifference.Update : SchemaPatchDifference.None);

    public IEnumerable<DbObjectName> AllNames() => [Identifier];
}
