using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Infrastructure.EventStore;

public sealed class EventStoreOptions
{
    public const string Section = "EventStore";

    /// <summary>PostgreSQL connection string; <c>ConnectionStrings:Bin</c> or the <c>BIN_POSTGRES</c> variable.</summary>
    [Required(ErrorMessage = "No PostgreSQL connection string: set ConnectionStrings__Bin or BIN_POSTGRES.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Database schema holding Marten's tables.</summary>
    [Required, RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "EventStore:Schema must be a lower-case PostgreSQL identifier.")]
    public string Schema { get; set; } = "bin";
}
