using Microsoft.Extensions.Options;
using Bin.Dashboard.Infrastructure.EventStore;
using Npgsql;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// Serialises sign-in attempts for one account across every node (a transaction-level PostgreSQL advisory lock),
/// so Identity's failure counter is read and written by one attempt at a time: however many wrong passwords arrive
/// at once, the lockout threshold is reached after exactly that many evaluations and the rest find the account locked.
/// </summary>
public sealed class AccountLock([FromKeyedServices(EventStoreRegistration.LockWaiters)] NpgsqlDataSource dataSource)
{
    public async Task<IAsyncDisposable> AcquireAsync(string accountId, CancellationToken ct)
    {
        var connection = dataSource.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext(@key))", connection, transaction))
            {
                command.Parameters.AddWithValue("key", "bin:account:" + accountId);
                await command.ExecuteNonQueryAsync(ct);
            }
            return new Held(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Ending the transaction releases the lock; closing the connection does too if the commit fails.
            try
            {
                await transaction.CommitAsync();
            }
            finally
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }
}
