using Bin.Domain.Members;

namespace Bin.Domain.Tests.Members;

public class MemberNameTests
{
    [Theory]
    [InlineData("  Jan  Peeters ", "Jan Peeters")]
    [InlineData("Marie-Thérèse\tDe Smet", "Marie-Thérèse De Smet")]
    [InlineData("Ölçer", "Ölçer")]
    public void A_name_is_trimmed_and_spaced_once(string typed, string stored)
    {
        Assert.Equal(stored, MemberName.Parse(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string? typed)
    {
        Assert.Equal("name", Assert.Throws<DomainException>(() => MemberName.Parse(typed)).Field);
    }

    [Fact]
    public void An_over_long_name_or_control_characters_are_refused()
    {
        Assert.Equal("name", Assert.Throws<DomainException>(() => MemberName.Parse(new string('a', 101))).Field);
        Assert.Equal("name", Assert.Throws<DomainException>(() => MemberName.Parse("Jan\u0000Peeters")).Field);
    }
}
