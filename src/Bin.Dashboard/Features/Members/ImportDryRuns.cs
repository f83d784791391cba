using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Members;

public sealed class MemberImportOptions
{
    public const string Section = "Members";

    /// <summary>Dry-run imports one account may make in an hour.</summary>
    [Range(1, 1000)] public int MaxDryRunsPerHour { get; set; } = 10;
}

/// <summary>A dry-run import, recorded (who, when, which network, how many rows; never the numbers).</summary>
public sealed class ImportDryRun
{
    public Guid Id { get; set; }
    public string Account { get; set; } = "";
    public Guid NetworkId { get; set; }
    public int Rows { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Too many dry runs this hour (→ 429).</summary>
public sealed class DryRunLimitException(int max) : DomainException(ServerMessages.DryRunLimit.With(max), "dryRun");

/// <summary>
/// Records each dry run and refuses one past <see cref="MemberImportOptions.MaxDryRunsPerHour"/> for the account. The
/// count and the record are one transaction behind an advisory lock per account, so parallel dry runs are counted
/// one after the other.
/// </summary>
public sealed class ImportDryRuns(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<MemberImportOptions> options)
{
    public async Task RecordAsync(ClaimsPrincipal user, Guid networkId, int rows, DateTimeOffset now, CancellationToken ct)
    {
        var account = user.Identity?.Name ?? "anonymous";
        await using var connection = dataSource.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Alerts.AlertLocks.LockAsync(connection, transaction, "import-dry-run:" + account, ct);
        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
        var since = now.AddHours(-1);
        var count = await session.Query<ImportDryRun>().CountAsync(d => d.Account == account && d.At > since, ct);
        if (count >= options.Value.MaxDryRunsPerHour) throw new DryRunLimitException(options.Value.MaxDryRunsPerHour);
        session.Store(new ImportDryRun { Id = Guid.CreateVersion7(), Account = account, NetworkId = networkId, Rows = rows, At = now });
        await session.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
