using Bunit;

namespace Bin.Dashboard.Tests.Incidents;

/// <summary>The board's browser side, planned for bUnit's strict interop: the list asks its module to watch it.</summary>
internal static class BoardModule
{
    public const string Path = "./Features/Incidents/IncidentBoard.razor.js";

    public static BunitJSModuleInterop Plan(BunitJSInterop interop)
    {
        var module = interop.SetupModule(Path);
        module.SetupVoid("observe", _ => true).SetVoidResult();
        return module;
    }
}
