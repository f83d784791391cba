using Bin.Dashboard.Components;
using Bin.Dashboard.Features;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Dashboard.Infrastructure.Health;
using Bin.Dashboard.Infrastructure.Hosting;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Dashboard.Infrastructure.Seeding;
using Bin.Dashboard.Infrastructure.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddBinEventStore(builder.Configuration)
    .AddBinDataProtection(builder.Configuration)
    .AddBinAuthentication(builder.Configuration)
    .AddBinTransportSecurity(builder.Configuration, builder.Environment)
    .AddBinOidc(builder.Configuration)
    .AddBinLocalization()
    .AddBinHealth()
    .AddBinTelemetry(builder.Configuration)
    .AddBinShutdown(builder.Configuration)
    .AddBinLiveFeed()
    .AddBinFeatures(builder.Configuration)
    .AddBinSeeding(builder.Configuration)
    .AddBinHttp()
    .AddSingleton(TimeProvider.System)
    .AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

// Before anything reads the client address (rate limits, logs): trusted proxies only, see ForwardedHeaders.cs.
app.UseForwardedHeaders();
// Every refusal becomes problem+json in one place (Infrastructure/Http/ProblemMapping), in every environment.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
// After localization: a refused cross-site request is told so in the user's language.
app.UseBinTransportSecurity();
app.UseAuthentication();
// After authentication: a signed-in user's pages and circuit run in the language stored on their account.
app.UseBinUserCulture();
app.UseRateLimiter();
app.UseBinPendingAccountSteps();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapBinHealth();
app.MapBinMetrics();
app.MapBinAuth();
app.MapBinOidc();
app.MapBinCulture();
app.MapBinLiveFeed();
app.MapBinFeatures();
app.MapBinApiDocs();
// Compressing the circuit's WebSocket costs CPU on every render and interop message of every open screen, for messages
// of a few hundred bytes to a few kilobytes (a map's markers) on a zone's own network. Blazor's framing rule that came with it is covered by our own
// policy (frame-ancestors 'none', SecurityHeaders).
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true)
    // The circuit hub (_blazor) admits anonymous browsers, for the public join page. Pages still decide: the router
    // enforces each page's [Authorize] (every feature page has one by default, see Features/_Imports.razor).
    .Add(endpoint =>
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal))
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
    });

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
