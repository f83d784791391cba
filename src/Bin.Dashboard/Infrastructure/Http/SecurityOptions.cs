namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>Transport security outside Development (HTTPS redirection, HSTS, Secure cookies).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Outside Development: redirect HTTP to HTTPS, send HSTS and mark every cookie Secure. Switch off only when a
    /// TLS-terminating proxy in front does the redirect and HSTS itself (cookies then follow the request's scheme,
    /// which needs ForwardedHeaders to report the original https).
    /// </summary>
    public bool EnforceHttps { get; set; } = true;

    /// <summary>How long browsers remember to use HTTPS only (HSTS max-age).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}
