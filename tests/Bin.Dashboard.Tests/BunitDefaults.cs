using System.Runtime.CompilerServices;
using Bunit;

namespace Bin.Dashboard.Tests;

internal static class BunitDefaults
{
    /// <summary>Components that read a real database render later on a loaded two-core CI machine than bUnit's
    /// one-second default allows; waits end as soon as the assertion holds, so a generous limit costs nothing.</summary>
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
