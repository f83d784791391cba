using Bin.Dashboard.Features.Accounts;
using Bin.Dashboard.Features.Addresses;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Cap;
using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Operations;
using Bin.Dashboard.Features.Privacy;
using Bin.Dashboard.Features.Replay;
using Bin.Dashboard.Features.Sms;

namespace Bin.Dashboard.Features;

/// <summary>Registration and endpoints of every feature folder, in one place.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddBinFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBinNetworks(configuration);
        services.AddBinSms(configuration);
        services.AddBinFounding();
        services.AddBinIncidents();
        services.AddBinMembers(configuration);
        services.AddBinAlerts(configuration);
        services.AddBinLiveUpdates();
        services.AddBinCap(configuration);
        services.AddBinFeedback(configuration);
        services.AddBinReplay(configuration);
        services.AddBinJoining(configuration);
        services.AddBinOperations();
        services.AddBinAccounts();
        services.AddBinPrivacy(configuration);
        services.AddBinAddresses(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapBinFeatures(this IEndpointRouteBuilder app)
    {
        app.MapGetNetworks();
        app.MapNetworksNear();
        app.MapBinSms();
        app.MapBinFounding();
        app.MapBinIncidents();
        app.MapBinMembers();
        app.MapBinAlerts();
        app.MapBinCap();
        app.MapBinFeedback();
        app.MapBinReplay();
        app.MapBinAccounts();
        app.MapBinPrivacy();
        app.MapBinAddresses();
        return app;
    }
}
