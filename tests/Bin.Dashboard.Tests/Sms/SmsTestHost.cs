using System.Collections.Concurrent;
using Bin.Dashboard.Features.Sms;
using Bin.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Sms;

/// <summary>Records what reached the SMS handlers (stand-ins for the members feature's real ones).</summary>
public sealed class RecordingSmsHandlers : IInboundSmsHandler, IDeliveryStatusHandler
{
    private readonly ConcurrentQueue<InboundSms> _inbound = new();
    private readonly ConcurrentQueue<DeliveryStatusUpdate> _statuses = new();

    public IReadOnlyList<InboundSms> Inbound => _inbound.ToList();

    public IReadOnlyList<DeliveryStatusUpdate> Statuses => _statuses.ToList();

    public Task HandleAsync(InboundSms sms, CancellationToken ct)
    {
        _inbound.Enqueue(sms);
        return Task.CompletedTask;
    }

    public Task HandleAsync(DeliveryStatusUpdate update, CancellationToken ct)
    {
        _statuses.Enqueue(update);
        return Task.CompletedTask;
    }

    public async Task<DeliveryStatusUpdate> WaitForStatusAsync(Func<DeliveryStatusUpdate, bool> match, TimeSpan? timeout = null) =>
        await Eventually.FindAsync(() => Statuses.FirstOrDefault(match), timeout);
}

/// <summary>A dashboard host with the given settings and <see cref="RecordingSmsHandlers"/> in place of the real handlers.</summary>
public sealed class SmsAppFactory(string connectionString, IDictionary<string, string?> settings) : BinAppFactory(connectionString, settings)
{
    public RecordingSmsHandlers Handlers { get; } = new();

    public static new async Task<SmsAppFactory> StartAsync(IDictionary<string, string?> settings)
    {
        var factory = new SmsAppFactory(await TestPostgres.CreateDatabaseAsync(), settings);
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInboundSmsHandler>(Handlers);
            services.AddSingleton<IDeliveryStatusHandler>(Handlers);
        });
    }
}
