using Bin.Dashboard.Features.Sms.Simulator;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Sms;

public static class SmsRegistration
{
    public static IServiceCollection AddBinSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidation>();
        services.AddSingleton<SmsWebhook>();

        // What the webhooks hand on (IInboundSmsHandler, IDeliveryStatusHandler) is the alerts feature's: AddBinAlerts registers it.

        // Both gateways are registered; options decide at resolve time which one is ISmsGateway.
        services.AddHttpClient(TwilioGateway.HttpClientName, (sp, http) => http.Timeout = TimeSpan.FromSeconds(30))
            // One TwilioRestClient lives for the process: rotate connections instead of handlers (DNS changes).
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio.ApiBaseUrl is { Length: > 0 } api
                ? new TwilioApiRedirect(new Uri(api))
                : new PassThrough());
        services.AddSingleton<TwilioGateway>();

        services.AddSingleton<SimulatorStore>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatorStore>());
        services.AddSingleton<SimulatorGateway>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatorGateway>());

        services.AddSingleton<ISmsGateway>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.UsesTwilio
            ? sp.GetRequiredService<TwilioGateway>()
            : sp.GetRequiredService<SimulatorGateway>());

        services.ConfigureMarten(o =>
        {
            o.Schema.For<SimulatedSms>().Index(m => m.Phone).Index(m => m.To).Index(m => m.At);
            o.Schema.For<SimulatedPhone>().Index(p => p.LastAt);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinSms(this IEndpointRouteBuilder app)
    {
        app.MapSmsWebhooks();
        app.MapGetSimulatedMessages();
        return app;
    }

    private sealed class PassThrough : DelegatingHandler;
}
