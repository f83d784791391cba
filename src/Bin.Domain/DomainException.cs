using System.Globalization;

namespace Bin.Domain;

/// <summary>
/// A refusal a user can read. <see cref="Exception.Message"/> comes out in the current UI culture (nl by default, fr,
/// en), so whoever shows it needs no translation of their own; <see cref="Key"/> names the rule for code and tests.
/// <see cref="Field"/> is the input at fault (the API field), when there is one.
/// </summary>
public class DomainException : Exception
{
    private readonly DomainText? _text;

    public DomainException(DomainText text, string? field = null) : base(text.Key)
    {
        _text = text;
        Field = field;
    }

    /// <summary>A text already in the reader's language (composed by the caller from its own localised texts).</summary>
    public DomainException(string message, string? field = null) : base(message)
    {
        Field = field;
    }

    public string? Field { get; }

    /// <summary>The message and its arguments, when the refusal comes from the catalogue (<see cref="DomainMessages"/>).</summary>
    public DomainText? Text => _text;

    /// <summary>The stable key of the refusal (e.g. <c>incident.alreadyClosed</c>), or null for a caller's own text.</summary>
    public string? Key => _text?.Key;

    public override string Message => _text?.ToString() ?? base.Message;

    /// <summary>The message in a given culture, whatever the current one is.</summary>
    public string MessageIn(CultureInfo culture) => _text?.ToString(culture) ?? base.Message;
}
