namespace Bin.Dashboard.Features.Operations;

/// <summary>The operations page for admins: readiness of this node and the SMS gateway's state.</summary>
public static class OperationsRegistration
{
    public static IServiceCollection AddBinOperations(this IServiceCollection services) => services.AddSingleton<GatewayStatusQuery>();
}
