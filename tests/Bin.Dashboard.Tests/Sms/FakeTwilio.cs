using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bin.Dashboard.Tests.Sms;

/// <summary>
/// A stand-in for api.twilio.com on loopback: a small Kestrel app answering the Messages resource as Twilio does.
/// It records every request. What it answers depends on the last digits of "To":
/// …0429 → 429, …0500 → 500, …1211 → 400 code 21211, …1610 → 400 code 21610, anything else → 201 queued.
/// GET lists the messages it accepted to a number, newest first.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public sealed record Recorded(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Form, string? Authorization);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Recorded> _requests = new();
    private readonly ConcurrentQueue<JsonObject> _accepted = new();

    private FakeTwilio(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public IReadOnlyList<Recorded> Requests => _requests.ToList();

    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeTwilio(builder.Build());
        fake._app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", (string sid, HttpRequest request) => fake.CreateAsync(sid, request));
        fake._app.MapGet("/2010-04-01/Accounts/{sid}/Messages.json", (string sid, HttpRequest request) => fake.List(sid, request));
        await fake._app.StartAsync();
        return fake;
    }

    private async Task<IResult> CreateAsync(string accountSid, HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        _requests.Enqueue(new Recorded("POST", request.Path, request.QueryString.Value ?? "", form, request.Headers.Authorization.ToString()));
        var to = form.GetValueOrDefault("To") ?? "";
        if (to.EndsWith("0429", StringComparison.Ordinal)) return Error(429, 20429, "Too Many Requests");
        if (to.EndsWith("0500", StringComparison.Ordinal)) return Error(500, 20500, "Internal Server Error");
        if (to.EndsWith("1211", StringComparison.Ordinal)) return Error(400, 21211, $"The 'To' number {to} is not a valid phone number.");
        if (to.EndsWith("1610", StringComparison.Ordinal)) return Error(400, 21610, "Attempt to send to unsubscribed recipient");

        var now = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var message = new JsonObject
        {
            ["sid"] = sid,
            ["account_sid"] = accountSid,
            ["to"] = to,
            ["from"] = form.GetValueOrDefault("From"),
            ["messaging_service_sid"] = form.GetValueOrDefault("MessagingServiceSid"),
            ["body"] = form.GetValueOrDefault("Body"),
            ["status"] = "queued",
            ["direction"] = "outbound-api",
            ["num_segments"] = "1",
            ["num_media"] = "0",
            ["api_version"] = "2010-04-01",
            ["date_created"] = now,
            ["date_updated"] = now,
            ["date_sent"] = null,
            ["error_code"] = null,
            ["error_message"] = null,
            ["price"] = null,
            ["price_unit"] = "USD",
            ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json",
        };
        _accepted.Enqueue(message);
        return Results.Content(message.ToJsonString(), "application/json", statusCode: 201);
    }

    private IResult List(string accountSid, HttpRequest request)
    {
        _requests.Enqueue(new Recorded("GET", request.Path, request.QueryString.Value ?? "", new Dictionary<string, string>(), request.Headers.Authorization.ToString()));
        var to = request.Query["To"].ToString();
        var messages = new JsonArray(_accepted.Reverse()
            .Where(m => string.IsNullOrEmpty(to) || (string?)m["to"] == to)
            .Select(m => (JsonNode)m.DeepClone())
            .ToArray());
        var uri = $"/2010-04-01/Accounts/{accountSid}/Messages.json{request.QueryString}";
        var page = new JsonObject
        {
            ["messages"] = messages,
            ["end"] = messages.Count - 1,
            ["first_page_uri"] = uri,
            ["next_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = 20,
            ["previous_page_uri"] = null,
            ["start"] = 0,
            ["uri"] = uri,
        };
        return Results.Content(page.ToJsonString(), "application/json");
    }

    private static IResult Error(int status, int code, string message) => Results.Content(
        new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        }.ToJsonString(), "application/json", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
