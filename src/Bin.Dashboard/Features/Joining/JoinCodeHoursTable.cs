using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Bin.Dashboard.Features.Joining;

/// <summary>Verification codes sent per clock hour (<see cref="JoinCodeBudget"/>), defined once for Marten's start-up
/// migration: created before any request can take a code, never on the request path.</summary>
public static class JoinCodeHoursTable
{
    public const string Name = "bin_join_code_hours";

    public static Table Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("hour", "timestamp with time zone").AsPrimaryKey();
        table.AddColumn("codes", "integer").NotNull();
        return table;
    }
}
