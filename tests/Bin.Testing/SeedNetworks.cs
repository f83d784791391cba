using Bin.Dashboard.Features.Networks;

namespace Bin.Testing;

/// <summary>
/// The ids of Lommel's seven demo networks as the seed file gives them (the file every test host seeds from), so a
/// test names a network instead of copying its id.
/// </summary>
public static class SeedNetworks
{
    private static readonly Lazy<IReadOnlyDictionary<string, Guid>> Ids = new(() =>
        NetworkSeed.Read(Path.Combine(ChildProcesses.RepositoryRoot, "src", "Bin.Dashboard", NetworkSeed.SeedFile))
            .ToDictionary(f => f.Attributes["name"].ToString()!, f => Guid.Parse(f.Attributes["id"].ToString()!)));

    public static Guid IdOf(string name) =>
        Ids.Value.TryGetValue(name, out var id) ? id : throw new ArgumentException($"The seed has no network called {name}.", nameof(name));

    public static Guid Kerkplein => IdOf("Kerkplein");
    public static Guid Slachthuis => IdOf("Slachthuis");
    public static Guid Servaesdreef => IdOf("Servaesdreef");
    public static Guid MolleHoeven => IdOf("Molle Hoeven");
    public static Guid WestKei => IdOf("West Kei");
    public static Guid Leuken => IdOf("Leuken");
    public static Guid Parelstrand => IdOf("Parelstrand");
}
