using System.Net;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.Accounts;

public class LockoutTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Forty_parallel_wrong_passwords_evaluate_five_lock_the_account_and_the_right_password_is_refused()
    {
        var name = await host.App.NewAccountAsync("lock", Roles.Dispatcher);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => host.App.TokenAsync(name, $"wrong guess number {i}")));
        var right = await host.App.TokenAsync(name);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        // Four failures answer "wrong password"; the fifth locks the account; the other 35 find it locked unevaluated.
        Assert.Equal(4, texts.Count(t => t.Contains("wrong password")));
        Assert.Equal(36, texts.Count(t => t.Contains("locked")));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var account = await session.LoadAsync<UserAccount>(name);
        Assert.True(account!.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Wrong_passwords_for_one_account_do_not_lock_another()
    {
        var victim = await host.App.NewAccountAsync("lockv", Roles.Dispatcher);
        var bystander = await host.App.NewAccountAsync("lockb", Roles.Dispatcher);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => host.App.TokenAsync(victim, $"wrong guess number {i}")));

        Assert.Equal(HttpStatusCode.OK, (await host.App.TokenAsync(bystander)).StatusCode);
    }
}
