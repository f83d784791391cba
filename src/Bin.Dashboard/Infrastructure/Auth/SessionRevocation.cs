using System.Collections.Concurrent;
using System.Security.Claims;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>Cookies: every request checks the session's stamp (cached per node for the revalidation interval).</summary>
internal static class CookieRevocation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (await validator.IsCurrentAsync(context.Principal, fresh: false, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}

/// <summary>
/// Bearer tokens are self-contained, so the handler cannot know that rights were taken away: before it reads a
/// token, this check fails a token whose stamp is no longer the account's (→ 401), on the API and on the hub's
/// negotiate/connect/poll requests alike.
/// </summary>
internal static class BearerRevocation
{
    public static async Task CheckAsync(MessageReceivedContext context)
    {
        var token = context.Token;
        if (string.IsNullOrEmpty(token))
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(token)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(token);
        if (ticket is null) return;
        var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (!await validator.IsCurrentAsync(ticket.Principal, fresh: false, context.HttpContext.RequestAborted))
            context.Fail("The session was revoked; sign in again.");
    }
}

/// <summary>
/// Open Blazor circuits re-check their account every revalidation interval and sign out when it changed. The stamps
/// come from the node's shared read (<see cref="CircuitStamps"/>); a circuit whose stamp differs from that read asks
/// the database itself before it signs out, because its session may be newer than the read.
/// </summary>
internal sealed class RevalidatingAuthState(ILoggerFactory loggers, CircuitStamps stamps, SessionValidator validator, IOptions<AuthOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (state.User.Identity?.IsAuthenticated != true) return true;
        var id = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = state.User.FindFirstValue(BinPrincipals.SecurityStampClaim);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(stamp)) return false;
        return await stamps.StampAsync(id, ct) == stamp || await validator.IsCurrentAsync(state.User, fresh: true, ct);
    }
}

/// <summary>
/// The /hubs/live connections of this node with the principal each was opened with. A hub method call from a
/// session that no longer stands is refused; <see cref="HubRevalidator"/> closes such connections.
/// </summary>
internal sealed class HubSessions(SessionValidator validator) : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    public IEnumerable<HubCallerContext> Connections => _connections.Values;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Hub is LiveHub && context.Context.User?.Identity?.IsAuthenticated == true)
            _connections[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.Hub is LiveHub && context.Context.User is { Identity.IsAuthenticated: true } user && !await validator.IsCurrentAsync(user, fresh: false, context.Context.ConnectionAborted))
        {
            context.Context.Abort();
            throw new HubException("The session has ended; sign in again.");
        }
        return await next(context);
    }
}

/// <summary>Every revalidation interval, closes the hub connections whose account changed, was disabled or signed out.</summary>
internal sealed class HubRevalidator(HubSessions sessions, SessionValidator validator, IOptions<AuthOptions> options, ILogger<HubRevalidator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.RevalidationInterval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await RevalidateAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Revalidating hub connections failed; trying again next interval");
            }
        }
    }

    internal async Task RevalidateAsync(CancellationToken ct)
    {
        var open = sessions.Connections.ToList();
        if (open.Count == 0) return;
        var ids = open.Select(c => c.User?.FindFirstValue(ClaimTypes.NameIdentifier)).OfType<string>().Distinct().ToList();
        var stamps = await validator.CurrentStampsAsync(ids, ct);
        foreach (var connection in open)
        {
            var id = connection.User?.FindFirstValue(ClaimTypes.NameIdentifier);
            var stamp = connection.User?.FindFirstValue(BinPrincipals.SecurityStampClaim);
            if (id is not null && stamps.TryGetValue(id, out var current) && current == stamp) continue;
            logger.LogInformation("Closing hub connection {ConnectionId}: its session was revoked", connection.ConnectionId);
            connection.Abort();
        }
    }
}

internal static class HubRevocationRegistration
{
    public static IServiceCollection AddBinHubRevocation(this IServiceCollection services)
    {
        services.AddSingleton<HubSessions>();
        services.AddHostedService<HubRevalidator>();
        // Global: filters added to HubOptions<LiveHub> alone are replaced by the global list when SignalR sets up the
        // hub's options. The filter itself only looks at /hubs/live connections.
        services.Configure<HubOptions>(o => o.AddFilter<HubSessions>());
        return services;
    }
}
