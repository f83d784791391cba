using System.Net;
using System.Net.Http.Json;
using Bin.Dashboard.Infrastructure.Auth;

namespace Bin.Dashboard.Tests.Accounts;

/// <summary>Per-address sign-in limit (here 5 a minute): a parallel flood gets 429 with Retry-After.</summary>
public class SignInRateLimitTests(TightSignInLimitHost host) : IClassFixture<TightSignInLimitHost>
{
    [Fact]
    public async Task A_parallel_sign_in_flood_from_one_address_gets_429_with_retry_after_beyond_the_limit_whatever_address_it_claims()
    {
        var names = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.App.NewAccountAsync("flood", Roles.Dispatcher)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            host.App.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = names[i % 3], password = $"spray {i}" })));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(25, limited.Count);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.All(limited, r => Assert.InRange(int.Parse(r.Headers.GetValues("Retry-After").Single()), 1, 60));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);

        // No KnownProxies are configured, so X-Forwarded-For is ignored: another claimed address is still this peer.
        var forwarded = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username = "nobody", password = "x" }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            return host.App.Anonymous().SendAsync(request);
        }));

        Assert.All(forwarded, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
    }
}
