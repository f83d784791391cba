using System.Globalization;

namespace Bin.Domain.Tests.Messages;

/// <summary>Reads refusals in one UI culture for the length of a test step, then restores the one before.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

    private UiCulture(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

    public static UiCulture Use(string name) => new(CultureInfo.GetCultureInfo(name));

    public static T In<T>(string name, Func<T> read)
    {
        using var _ = Use(name);
        return read();
    }

    public void Dispose() => CultureInfo.CurrentUICulture = _before;
}
