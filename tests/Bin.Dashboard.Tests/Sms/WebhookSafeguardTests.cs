using System.Net;
using System.Text;
using Bin.Dashboard.Features.Sms;
using Bin.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Tests.Sms;

public class WebhookSafeguardTests
{
    private sealed class Environment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Bin.Dashboard";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [Fact]
    public void Outside_Development_the_public_demo_token_stops_the_start_whatever_the_gateway()
    {
        var options = new SmsOptions { Twilio = { AuthToken = SmsOptionsValidation.DemoAuthToken } };

        var production = new SmsOptionsValidation(new Environment("Production")).Validate(null, options);

        Assert.True(production.Failed);
        Assert.Contains("public demo token", production.FailureMessage);
        Assert.True(new SmsOptionsValidation(new Environment("Development")).Validate(null, options).Succeeded);
    }

    [Fact]
    public async Task The_demo_token_signs_webhooks_only_from_this_machine_and_a_signature_from_elsewhere_stores_nothing()
    {
        await using var app = await BinAppFactory.StartAsync(new Dictionary<string, string?> { ["Sms:Twilio:AuthToken"] = SmsOptionsValidation.DemoAuthToken });

        var remote = await SendAsync(app.Server, "SMremote", IPAddress.Parse("203.0.113.9"));
        var local = await SendAsync(app.Server, "SMlocal", IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status403Forbidden, remote);
        Assert.Equal(StatusCodes.Status200OK, local);
        Assert.Null(await RecordedOrPendingAsync(app, "SMremote"));
        Assert.NotNull(await RecordedOrPendingAsync(app, "SMlocal"));
    }

    [Fact]
    public async Task A_webhook_body_over_16_KB_is_refused_before_anything_is_read_or_stored()
    {
        await using var app = await BinAppFactory.StartAsync();
        var client = app.CreateClient();
        var request = TwilioSigner.Inbound("+32479900001", new string('x', 17 * 1024), "SMhuge");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await RecordedOrPendingAsync(app, "SMhuge"));
    }

    private static async Task<int> SendAsync(TestServer server, string sid, IPAddress from)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["AccountSid"] = "AC" + new string('0', 32), ["From"] = "+32479900001", ["To"] = "+32460000000", ["Body"] = "OK",
        };
        var signature = TwilioSigner.Sign(TwilioSigner.TestPublicBaseUrl + "/sms/inbound", form, SmsOptionsValidation.DemoAuthToken);
        var body = Encoding.UTF8.GetBytes(string.Join("&", form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/sms/inbound";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            c.Request.Headers["X-Twilio-Signature"] = signature;
            c.Connection.RemoteIpAddress = from;
        });
        return context.Response.StatusCode;
    }

    private static async Task<string?> RecordedOrPendingAsync(BinAppFactory app, string sid)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT message_sid FROM bin.bin_inbound WHERE message_sid = @sid", connection);
        command.Parameters.AddWithValue("sid", sid);
        return await command.ExecuteScalarAsync() as string;
    }
}
