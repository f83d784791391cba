using System.Security.Cryptography;
using System.Text;

namespace Bin.Testing;

/// <summary>Signs webhook requests the way Twilio does (HMAC-SHA1 over the URL and the sorted form fields).</summary>
public static class TwilioSigner
{
    public const string TestAuthToken = "test-auth-token-not-a-secret";
    public const string TestPublicBaseUrl = "http://bin.test";

    public static string Sign(string url, IReadOnlyDictionary<string, string> form, string authToken = TestAuthToken)
    {
        var data = new StringBuilder(url);
        foreach (var key in form.Keys.Order(StringComparer.Ordinal))
            data.Append(key).Append(form[key]);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>A signed, Twilio-shaped inbound SMS request for POST /sms/inbound.</summary>
    public static HttpRequestMessage Inbound(string from, string body, string? messageSid = null, string to = "+32460000000")
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid ?? "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC" + new string('0', 32),
            ["From"] = from,
            ["To"] = to,
            ["Body"] = body,
            ["NumMedia"] = "0",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(TestPublicBaseUrl + "/sms/inbound", form));
        return request;
    }
}
