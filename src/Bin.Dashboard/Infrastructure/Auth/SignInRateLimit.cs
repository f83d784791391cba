using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// Per client address limit on the sign-in form, the token and the refresh endpoint: a fixed window of
/// <see cref="AuthOptions.SignInPermitLimit"/> attempts per <see cref="AuthOptions.SignInWindow"/>, then 429 with
/// Retry-After. The address is the connection's, or the forwarded one when the proxy is trusted (ForwardedHeaders).
/// Lockout protects each account; this protects against spraying many accounts from one place.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddBinSignInRateLimit(this IServiceCollection services, AuthOptions auth)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = auth.SignInPermitLimit, Window = auth.SignInWindow, QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : auth.SignInWindow;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    detail: $"Too many sign-in attempts from this address; try again in {seconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
