using System.Globalization;
using System.Runtime.CompilerServices;

namespace Bin.Domain.Tests;

/// <summary>
/// The decision tests read refusals in English, the language they were written in; the tests of the message catalogue
/// choose their culture themselves (<see cref="Messages.UiCulture"/>).
/// </summary>
internal static class EnglishRefusals
{
#pragma warning disable CA2255 // a test assembly's own start-up, not a library's
    [ModuleInitializer]
    internal static void Use() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en");
#pragma warning restore CA2255
}
