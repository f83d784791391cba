using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>The inbox of received SMS (<see cref="InboundStore"/>), defined once for Marten's start-up migration.</summary>
public static class InboundTable
{
    public const string Name = "bin_inbound";

    public static Table Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("message_sid", "text").AsPrimaryKey();
        // The sender's number and the text stay only until the message is recorded.
        table.AddColumn("from_number", "text");
        table.AddColumn("body", "text");
        table.AddColumn("received_at", "timestamp with time zone").NotNull();
        table.AddColumn("attempts", "integer").NotNull().DefaultValueByExpression("0");
        table.AddColumn("error", "text");
        table.AddColumn("recorded_at", "timestamp with time zone");
        table.AddColumn("member_id", "uuid");
        table.AddColumn("intent", "text");
        // What the processors claim: the unrecorded messages, oldest first.
        table.Indexes.Add(new IndexDefinition("bin_inbound_pending") { Columns = ["received_at"], Predicate = "recorded_at IS NULL" });
        return table;
    }
}
