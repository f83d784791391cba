namespace Bin.Dashboard.Features.Joining;

public enum JoinPurpose
{
    /// <summary>Become a member of a network that covers the place.</summary>
    Join,

    /// <summary>No network covers the place: help found one (opens or joins an idea in the founding workflow).</summary>
    FoundingInterest,
}

public enum JoinApplicationStatus
{
    /// <summary>A code was sent; the resident has not entered it yet.</summary>
    AwaitingCode,

    /// <summary>The number is confirmed: a join request waits for the coordinator (or the interest was recorded).</summary>
    Confirmed,

    /// <summary>Too many wrong codes: this application is closed; the resident may ask for a new code.</summary>
    Locked,

    /// <summary>The coordinator decided; the name and number were removed from this record.</summary>
    Decided,
}

/// <summary>
/// What a resident typed on the public page, with the code sent to confirm it. This is the only place their name and
/// number live until they become a member; once the coordinator decides (or the founding interest is recorded and
/// passed on) the record keeps no more than it must. Never part of an event.
/// </summary>
public sealed class JoinApplication
{
    public Guid Id { get; set; }
    public JoinPurpose Purpose { get; set; }

    /// <summary>Join: the network asked for. Founding interest: the idea it went to, once confirmed.</summary>
    public Guid? NetworkId { get; set; }

    /// <summary>Founding interest only: where the resident wants a BIN (the join purpose does not keep the place).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public string Name { get; set; } = "";

    /// <summary>E.164.</summary>
    public string Phone { get; set; } = "";

    /// <summary>ISO 639-1 code (nl, fr, de, en).</summary>
    public string Language { get; set; } = "nl";

    public DateTimeOffset ConsentAt { get; set; }
    public string CodeHash { get; set; } = "";
    public string CodeSalt { get; set; } = "";
    public DateTimeOffset CodeExpiresAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>A hash of the client's network address (for rate limiting; the address itself is not kept).</summary>
    public string ClientKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public JoinApplicationStatus Status { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
