using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// The response headers every environment sends, so Development shows what Production would block: a
/// Content-Security-Policy admitting only the app's own scripts and styles and the map's tile host, nosniff,
/// a Referrer-Policy and a Permissions-Policy that grants geolocation to the join page alone.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>Where the per-response script nonce lives in <see cref="HttpContext.Items"/> (App.razor puts it on the import map).</summary>
    public const string NonceKey = "bin.csp-nonce";

    /// <summary>Pages that ask the browser for the user's position ("use my location" on the public join page).</summary>
    public static readonly IReadOnlyList<string> GeolocationPaths = ["/join", "/lid-worden"];

    public static string? NonceOf(HttpContext? http) => http?.Items[NonceKey] as string;

    /// <summary>
    /// The policy for one response. Scripts: the app's own files plus the one inline block Blazor renders (the
    /// import map), admitted by its nonce. Styles: the app's own style sheets; inline style attributes only (bars and
    /// colours set by components), never a style element. Images: own, data: (Leaflet's icons) and the tile host.
    /// </summary>
    /// <remarks>The API docs page (Scalar, administrators only) also needs style elements, which its script inserts as it
    /// renders, and eval, which its bundle uses; still only its own files and the nonce'd start-up script run there.</remarks>
    public static string ContentSecurityPolicy(string nonce, string? tileUrl, bool apiDocs = false)
    {
        var tiles = TileSource(tileUrl) is { } source ? " " + source : "";
        return string.Join("; ",
            "default-src 'self'",
            apiDocs ? $"script-src 'self' 'nonce-{nonce}' 'unsafe-eval'" : $"script-src 'self' 'nonce-{nonce}'",
            apiDocs ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
            "style-src-attr 'unsafe-inline'",
            $"img-src 'self' data:{tiles}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    /// <summary>
    /// The CSP source of a Leaflet tile URL template: its scheme and host, a subdomain placeholder ({s}) becoming a
    /// wildcard. Null when there are no tiles or the template is not an absolute http(s) URL.
    /// </summary>
    public static string? TileSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return null;
        var match = TileOrigin().Match(tileUrl.Trim());
        if (!match.Success) return null;
        var host = PlaceholderLabel().Replace(match.Groups["host"].Value, "*");
        return host.Contains('{') || host.Contains('}') ? null : $"{match.Groups["scheme"].Value.ToLowerInvariant()}://{host.ToLowerInvariant()}";
    }

    public static string PermissionsPolicy(PathString path)
    {
        var geolocation = GeolocationPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) ? "(self)" : "()";
        return $"geolocation={geolocation}, camera=(), microphone=(), payment=(), usb=()";
    }

    /// <summary>128 random bits in hex: valid in a CSP nonce and never changed by HTML attribute encoding (unlike "+").</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Sets the headers as the response starts, whoever answers (pages, API, static files, error pages). Blazor's own
    /// "frame-ancestors 'self'" policy on pages is replaced by this fuller one, which includes frame-ancestors.
    /// </summary>
    public static IApplicationBuilder UseBinSecurityHeaders(this IApplicationBuilder app, string? tileUrl) => app.Use((http, next) =>
    {
        var nonce = NewNonce();
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, tileUrl, http.Request.Path.StartsWithSegments(ApiDocs.PagePath));
            headers.XContentTypeOptions = "nosniff";
            // Tile servers ask for a referrer (OpenStreetMap's usage policy); the origin is all they get.
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy(http.Request.Path);
            return Task.CompletedTask;
        });
        return next(http);
    });

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>[^/?#]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TileOrigin();

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex PlaceholderLabel();
}
