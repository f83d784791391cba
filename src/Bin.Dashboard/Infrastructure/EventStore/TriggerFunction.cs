using DbDataReader = System.Data.Common.DbDataReader;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Bin.Dashboard.Infrastructure.EventStore;

/// <summary>
/// A PL/pgSQL trigger function created or replaced by Marten's migration. Not Weasel's <c>Function</c>: that one
/// compares its text with PostgreSQL's rendering, finds a difference at every start and replaces the function with
/// <c>DROP … CASCADE</c>, which takes the triggers on it along. This one compares the stored body (<c>prosrc</c>, kept
/// verbatim) and replaces it in place, so its triggers stay.
/// </summary>
public sealed class TriggerFunction(string schema, string name, string body) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
        writer.WriteLine($"CREATE OR REPLACE FUNCTION {Identifier.QualifiedName}() RETURNS trigger AS $${body}$$ LANGUAGE plpgsql;");

    public void WriteDropStatement(Migrator rules, TextWriter writer) =>
        writer.WriteLine($"DROP FUNCTION IF EXISTS {Identifier.QualifiedName}() CASCADE;");

    public void ConfigureQueryCommand(DbCommandBuilder builder) => QueryStoredBody(builder, schema, name);

    /// <summary>The function's stored body (<c>prosrc</c>), a row only where it exists.</summary>
    internal static void QueryStoredBody(DbCommandBuilder builder, string schema, string name)
    {
        var schemaParameter = builder.AddParameter(schema).ParameterName;
        var nameParameter = builder.AddParameter(name).ParameterName;
        builder.Append($"""
            SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = :{schemaParameter} AND p.proname = :{nameParameter};
            """);
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) return new SchemaObjectDelta(this, SchemaPatchDifference.Create);
        var stored = await reader.GetFieldValueAsync<string>(0, ct);
        return new SchemaObjectDelta(this, stored == body ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
    }

    public IEnumerable<DbObjectName> AllNames() => [Identifier];
}
