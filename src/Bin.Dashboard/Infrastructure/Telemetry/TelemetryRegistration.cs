using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bin.Dashboard.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry: traces (ASP.NET Core, Npgsql, outgoing HTTP such as Twilio, and the alert's own spans), metrics
/// (the dashboard's instruments, ASP.NET Core, runtime) scraped at <c>/metrics</c>, and — when
/// <c>Telemetry:OtlpEndpoint</c> is set — traces, metrics and logs pushed to a collector. Log records carry the
/// trace and span id of the work they belong to.
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// The ASP.NET Core meters collected: requests, Kestrel, connections, routing, errors, rate limiting, sign-in,
    /// authorisation, Blazor's events and navigation, and circuits. Not those that <c>AddAspNetCoreInstrumentation</c>
    /// would add besides: Blazor's lifecycle meter records a measurement for every component's parameters and every
    /// render batch of every open screen, and the memory pool's for every buffer Kestrel rents; on an open map that was
    /// part of each live update's cost, for figures nobody reads (the screens scenario, bench/Bin.LoadHarness/README.md).
    /// </summary>
    internal static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    public static IServiceCollection AddBinTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint.Length > 0 ? new Uri(options.OtlpEndpoint) : null;

        services.AddSingleton<OutboxMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxMonitor>());
        services.AddSingleton<ConnectionGauges>();
        services.AddSingleton<CircuitHandler, CircuitCounter>();
        services.AddSingleton<HubConnectionCounter>();
        services.Configure<HubOptions>(o => o.AddFilter<HubConnectionCounter>());

        services.AddLogging(logging =>
        {
            logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
            if (otlp is not null)
                logging.AddOpenTelemetry(o =>
                {
                    o.IncludeScopes = true;
                    o.AddOtlpExporter(e => e.Endpoint = otlp);
                });
        });

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t =>
            {
                t.AddSource(BinTelemetry.Name)
                    .AddSource("Npgsql")
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = c => !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments(MetricsPath);
                        // A span per hub message: every render acknowledgement and interop reply of every open screen
                        // (Blazor's circuits are a SignalR hub), thousands a minute in a busy control room, none of
                        // them a unit of work anyone follows. Requests, commands and the alert's spans stay.
                        o.EnableAspNetCoreSignalRSupport = false;
                    })
                    .AddHttpClientInstrumentation();
                if (otlp is not null) t.AddOtlpExporter(e => e.Endpoint = otlp);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(BinTelemetry.Name)
                    .AddMeter(AspNetCoreMeters)
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null) m.AddOtlpExporter(e => e.Endpoint = otlp);
            });
        return services;
    }

    /// <summary><c>/metrics</c> for Prometheus: from loopback, from <c>Telemetry:MetricsAllowedNetworks</c>, or with
    /// <c>Authorization: Bearer {Telemetry:MetricsToken}</c>; anyone else gets 403. Not behind sign-in (a scraper has
    /// no account), so the gauges are created here at the latest.</summary>
    public static IEndpointRouteBuilder MapBinMetrics(this IEndpointRouteBuilder app)
    {
        app.ServiceProvider.GetRequiredService<ConnectionGauges>();
        var access = new MetricsAccess(app.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value);
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (access.Allows(context)) await next(context);
            else await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Metrics are served to loopback, the configured networks, or with the metrics token.").ExecuteAsync(context);
        }), optionsName: null).AllowAnonymous();
        return app;
    }
}
