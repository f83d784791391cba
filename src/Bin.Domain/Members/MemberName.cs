namespace Bin.Domain.Members;

/// <summary>
/// The name a coordinator knows a member by. It is personal data: it is kept only in the member's erasable contact
/// record, never in events or logs.
/// </summary>
public static class MemberName
{
    public const int MaxLength = 100;

    /// <summary>Trims the name and folds runs of white space into one space; refuses an empty, over-long or
    /// control-character name.</summary>
    public static string Parse(string? input)
    {
        var name = string.Join(' ', (input ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0)
            throw new DomainException(DomainMessages.NameRequired, "name");
        if (name.Length > MaxLength)
            throw new DomainException(DomainMessages.NameTooLong.With(MaxLength, name.Length), "name");
        if (name.Any(char.IsControl))
            throw new DomainException(DomainMessages.NameControl, "name");
        return name;
    }
}
