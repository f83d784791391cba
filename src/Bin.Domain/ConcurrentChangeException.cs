namespace Bin.Domain;

/// <summary>
/// Someone else changed the same stream between loading and appending, and deciding again on the new state did
/// not settle it. No field is at fault, so the API answers 409 and the user reloads.
/// </summary>
public sealed class ConcurrentChangeException(string subject)
    : DomainException(DomainMessages.ConcurrentChange.With(DomainMessages.ConcurrentSubject(subject)))
{
    public string Subject { get; } = subject;
}
