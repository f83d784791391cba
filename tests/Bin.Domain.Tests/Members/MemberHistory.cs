using Bin.Domain.Members;

namespace Bin.Domain.Tests.Members;

/// <summary><see cref="Given"/> a member's history, when a command is decided, then the event, nothing, or the refusal.</summary>
internal static class MemberHistory
{
    public static readonly Guid Id = Guid.Parse("3e3b3e3b-0000-4000-8000-000000000001");
    public static readonly Guid Kerkplein = Guid.Parse("b1000000-0000-4000-8000-000000000001");
    public static readonly Guid Slachthuis = Guid.Parse("b1000000-0000-4000-8000-000000000002");

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 20, 0, 0, TimeSpan.FromHours(1));
    public static readonly DateTimeOffset InfoEvening = new(2026, 10, 15, 19, 30, 0, TimeSpan.FromHours(2));

    public static Member? Given(params object[] history) => Member.Fold(history);

    public static MemberRegistered Registered() => new(Id, [Kerkplein], "nl", InfoEvening, "paper form at info evening", InfoEvening.AddDays(2));

    public static MemberOptedOut OptedOut() => new(Id, "sms", Now.AddDays(-3));

    public static MemberErased Erased() => new(Id, Now.AddDays(-1));

    public static DomainException ThenRefused(Func<object?> when) => Assert.Throws<DomainException>(when);
}
