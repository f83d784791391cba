using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;

namespace Bin.Dashboard.Features.Sms.Simulator;

/// <summary>GET /api/sms-simulator/messages?to=&amp;limit= — what the simulator carried, newest first (only while it is the gateway).</summary>
public static class GetSimulatedMessages
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapGetSimulatedMessages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sms-simulator/messages", async (string? to, string? limit, SimulatorGateway simulator, SimulatorStore store, CancellationToken ct) =>
            {
                if (!simulator.IsActive)
                    return Problems.NotFound("The SMS simulator is not the active gateway (Sms:Gateway is twilio).");
                var take = DefaultLimit;
                if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, out take) || take is < 1 or > MaxLimit))
                    return Problems.Field("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
                var messages = await store.RecentAsync(string.IsNullOrWhiteSpace(to) ? null : to.Trim(), take, ct);
                return Results.Ok(messages.Select(SimulatedSmsView.Of));
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Messages the SMS simulator sent and received, newest first; optional to= (E.164) and limit=.");
        return app;
    }
}
