using System.Globalization;

namespace Bin.Domain;

/// <summary>Items joined by ", " as one message argument, each written in the reader's language and culture.</summary>
public sealed class DomainList(IEnumerable<object?> items) : IFormattable
{
    public IReadOnlyList<object?> Items { get; } = [.. items];

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.Join(", ", Items.Select(i => i is IFormattable f ? f.ToString(null, formatProvider) : i?.ToString()));

    public override string ToString() => ToString(null, CultureInfo.CurrentUICulture);
}

/// <summary>Whole sentences one after the other (separated by a space) as one message argument.</summary>
public sealed class DomainSentences(IEnumerable<object?> sentences) : IFormattable
{
    public IReadOnlyList<object?> Items { get; } = [.. sentences];

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.Join(" ", Items.Select(i => i is IFormattable f ? f.ToString(null, formatProvider) : i?.ToString()));

    public override string ToString() => ToString(null, CultureInfo.CurrentUICulture);
}
