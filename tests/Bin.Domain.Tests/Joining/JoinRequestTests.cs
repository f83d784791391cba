using Bin.Domain.Joining;
using Bin.Domain.Members;
using Bin.Domain.Sms;

namespace Bin.Domain.Tests.Joining;

public class JoinRequestTests
{
    private static readonly Guid RequestId = Guid.Parse("a0000000-0000-4000-8000-000000000001");
    private static readonly Guid Kerkplein = Guid.Parse("b1000000-0000-4000-8000-000000000001");
    private static readonly Guid MemberId = Guid.Parse("c0000000-0000-4000-8000-000000000001");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 19, 0, 0, TimeSpan.FromHours(1));

    private static JoinRequestConfirmed Confirmed() => new(RequestId, Kerkplein, "nl", Now.AddMinutes(-5), Now.AddMinutes(-4));

    private static JoinRequest? Given(params object[] history) => JoinRequest.Fold(history);

    [Fact]
    public void A_confirmed_request_is_approved_with_the_member_it_became()
    {
        var approved = JoinRequestDecisions.Approve(Given(Confirmed()), new ApproveJoinRequest(RequestId, MemberId), Now);

        Assert.Equal(new JoinRequestApproved(RequestId, Kerkplein, MemberId, Now), approved);
        Assert.Equal(JoinRequestStatus.Approved, Given(Confirmed(), approved)!.Status);
    }

    [Fact]
    public void A_confirmed_request_is_declined_with_a_reason()
    {
        var declined = JoinRequestDecisions.Decline(Given(Confirmed()), new DeclineJoinRequest(RequestId, " Woont buiten de wijk. "), Now);

        Assert.Equal("Woont buiten de wijk.", declined.Reason);
        Assert.Equal(JoinRequestStatus.Declined, Given(Confirmed(), declined)!.Status);
    }

    [Fact]
    public void A_request_is_decided_once()
    {
        var approved = new JoinRequestApproved(RequestId, Kerkplein, MemberId, Now);

        var again = Assert.Throws<DomainException>(() => JoinRequestDecisions.Decline(Given(Confirmed(), approved), new DeclineJoinRequest(RequestId, null), Now));

        Assert.Equal("status", again.Field);
        Assert.Contains("already approved", again.Message);
    }

    [Fact]
    public void An_unconfirmed_request_cannot_be_decided()
    {
        Assert.Equal("requestId", Assert.Throws<DomainException>(() => JoinRequestDecisions.Approve(null, new ApproveJoinRequest(RequestId, MemberId), Now)).Field);
    }

    [Fact]
    public void The_events_carry_no_name_and_no_number()
    {
        string[] personal = ["Name", "Phone", "Number", "Mobile"];

        foreach (var type in new[] { typeof(JoinRequestConfirmed), typeof(JoinRequestApproved), typeof(JoinRequestDeclined) })
            Assert.DoesNotContain(type.GetProperties(), p => personal.Any(word => p.Name.Contains(word)));
    }
}

public class JoinCodeTests
{
    [Fact]
    public void A_code_has_six_digits_and_matches_only_itself()
    {
        var (code, salt) = JoinCode.New();
        var hash = JoinCode.Hash(code, salt);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.True(JoinCode.Matches(code, salt, hash));
        Assert.True(JoinCode.Matches($" {code[..3]} {code[3..]} ", salt, hash));
        Assert.False(JoinCode.Matches(code == "000000" ? "000001" : "000000", salt, hash));
        Assert.False(JoinCode.Matches("", salt, hash));
        Assert.DoesNotContain(code, hash);
    }

    [Fact]
    public void The_same_code_hashes_differently_with_another_salt()
    {
        Assert.NotEqual(JoinCode.Hash("123456", "a"), JoinCode.Hash("123456", "b"));
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("en")]
    public void The_code_SMS_is_one_GSM_segment_in_every_language(string language)
    {
        var text = JoinCode.Message("123456", language);

        Assert.Contains("123456", text);
        var analysis = SmsEncoding.Analyze(text);
        Assert.Equal(1, analysis.Segments);
        Assert.Equal(SmsCharset.Gsm7, analysis.Charset);
        Assert.Equal(1, SmsEncoding.Analyze(JoinCode.Welcome("Molle Hoeven", language)).Segments);
        _ = Languages.Parse(language);
    }
}
