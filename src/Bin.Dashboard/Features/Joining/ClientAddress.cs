using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Bin.Dashboard.Features.Joining;

/// <summary>
/// The network address of the browser behind this circuit, as a keyed hash (the join page rate-limits per address
/// without keeping addresses). Set when the circuit opens, from the connection that carries it.
/// </summary>
public sealed class ClientAddress(AddressKeyer keyer)
{
    public const string Unknown = "unknown";

    public string Key { get; private set; } = Unknown;

    internal void Set(System.Net.IPAddress? address)
    {
        if (address is null) return;
        var text = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        Key = keyer.KeyOf(text);
    }
}

/// <summary>Reads the address of the connection a circuit opens on (the SignalR request, still in reach then).</summary>
internal sealed class ClientAddressCircuitHandler(ClientAddress address, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        address.Set(http.HttpContext?.Connection.RemoteIpAddress);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct)
    {
        // A reconnect may come over another connection; keep the first known address if this one has none.
        if (http.HttpContext?.Connection.RemoteIpAddress is { } remote) address.Set(remote);
        return Task.CompletedTask;
    }
}
