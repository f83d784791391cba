namespace Bin.Dashboard.Features.Members;

/// <summary>
/// The only record of a member's personal data: name and mobile number (E.164). Its id is the member's id.
/// Deleted when an erasure request is honoured. A number is unique: the same number twice would be the same
/// person registered twice (and would get every alert twice). Never log these fields.
/// </summary>
public sealed class MemberContact
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>E.164, e.g. +32470123456 (from <see cref="Bin.Domain.Members.PhoneNumber.Parse"/>).</summary>
    public string Phone { get; set; } = "";
}
