using Bunit;

namespace Bin.Dashboard.Tests.Map;

/// <summary>
/// What LiveMap handed its module: it sends each render's changes in one "update" call, a dictionary of the parts that
/// changed ("networks", "pulses", "highlights", "pin", "drawing"). The incidents and badges are not among them: they
/// travel in the render (the element's data-incidents and data-badges).
/// </summary>
internal static class MapModuleCalls
{
    public static IReadOnlyList<object?> Sent(this BunitJSModuleInterop module, string part) =>
        module.Invocations["update"].Select(call => (IReadOnlyDictionary<string, object?>)call.Arguments[1]!)
            .Where(changes => changes.ContainsKey(part)).Select(changes => changes[part]).ToList();
}
