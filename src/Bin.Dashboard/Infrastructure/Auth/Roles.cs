namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>The roles of the brief; policies group them by the job a page or endpoint serves.</summary>
public static class Roles
{
    public const string Dispatcher = "dispatcher";
    public const string Officer = "officer";
    public const string Chief = "chief";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Dispatcher, Officer, Chief, Coordinator, Admin];
}

public static class Policies
{
    /// <summary>Sees the whole zone's live map and incidents: everyone but coordinators, who see only their BIN.</summary>
    public const string ZoneView = "zone-view";

    /// <summary>Records incidents: dispatchers and officers (and admins).</summary>
    public const string Dispatch = "dispatch";

    /// <summary>Alerts networks and schedules feedback.</summary>
    public const string Alert = "alert";

    /// <summary>Replay, evaluation and audit.</summary>
    public const string Chief = "chief";

    /// <summary>Networks, boundaries, accounts.</summary>
    public const string Admin = "admin";
}

/// <summary>Claim carrying a coordinator's network id, once per network.</summary>
public static class BinClaims
{
    public const string Network = "bin:network";

    /// <summary>A step the account must take at /account before anything else (<see cref="PendingSteps"/>).</summary>
    public const string Pending = "bin:pending";

    /// <summary>Identifies a refresh token, so each is accepted once.</summary>
    public const string RefreshTokenId = "bin:rt";
}
