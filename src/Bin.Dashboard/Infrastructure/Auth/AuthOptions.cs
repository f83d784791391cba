using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Infrastructure.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan BearerTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Creates the five demo accounts (password bin-demo). Only honoured in Development.</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>On a database without accounts, creates 'admin' with this password (production bootstrap).</summary>
    public string? BootstrapAdminPassword { get; set; }
}
