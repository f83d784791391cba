using System.Globalization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;

namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>
/// Keeps a circuit in the language its page was requested in. A circuit outlives the request that opened it, and
/// the framework runs its work in whatever execution context reaches it: a hub message, or a background thread
/// calling <c>InvokeAsync</c> (the live feed, a timer). Whatever context does so renders every component that is
/// due, so one call from a thread with the server's default culture used to turn the board, the intake and the
/// incident panel back to Dutch. Every inbound activity of the circuit (events, JS interop, the first render) now
/// runs in the culture of the request that opened the circuit (the user's stored language, else the cookie);
/// callbacks that components register while rendering (timers, live-feed subscriptions) capture it from there,
/// and events raised on other threads reach their subscribers through <see cref="SubscriberContextEvent{T}"/>.
/// </summary>
internal sealed class CircuitCultureHandler(IHttpContextAccessor http) : CircuitHandler
{
    // Created while the circuit starts, inside the request of its connection: the one moment that request is known.
    private readonly CultureInfo _culture =
        http.HttpContext?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _culture;
            await next(context);
        };
}

/// <summary>
/// An event whose handlers run in the execution context (and so the culture) of the code that subscribed, not of
/// the thread that raises it: a component subscribing from its circuit renders in the circuit's language when the
/// event tail or the SMS simulator raises it on a background thread.
/// </summary>
public sealed class SubscriberContextEvent<THandler> where THandler : Delegate
{
    private readonly Lock _gate = new();
    private IReadOnlyList<(THandler Handler, ExecutionContext? Context)> _handlers = [];

    public void Add(THandler? handler)
    {
        if (handler is null) return;
        var context = ExecutionContext.Capture();
        lock (_gate) _handlers = [.. _handlers, (handler, context)];
    }

    public void Remove(THandler? handler)
    {
        lock (_gate)
        {
            var index = _handlers.ToList().FindLastIndex(h => h.Handler == handler);
            if (index >= 0) _handlers = [.. _handlers.Take(index), .. _handlers.Skip(index + 1)];
        }
    }

    /// <summary>Calls every handler in its subscriber's context; one that throws does not keep the others from theirs.</summary>
    public void Raise(Action<THandler> call, Action<Exception> onError)
    {
        foreach (var (handler, context) in _handlers)
        {
            try
            {
                if (context is null) call(handler);
                else ExecutionContext.Run(context, _ => call(handler), null);
            }
            catch (Exception ex)
            {
                onError(ex);
            }
        }
    }
}
