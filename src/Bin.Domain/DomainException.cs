namespace Bin.Domain;

/// <summary>
/// A command was refused by the rules of the domain. The message is written for the person who gave the
/// command; <see cref="Field"/> names the input at fault when there is one, so the API can point at it.
/// </summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
