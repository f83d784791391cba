using System.Security.Cryptography;
using System.Text;

namespace Bin.Dashboard.Features.Sms;

/// <summary>
/// Computes <c>X-Twilio-Signature</c> as Twilio does for form-encoded webhooks: HMAC-SHA1, keyed with the auth
/// token, over the full URL followed by every parameter name and value, names in ordinal order; Base64.
/// Only the simulator signs; checking is left to Twilio's own <c>RequestValidator</c>.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
            data.Append(key).Append(value);
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }
}
