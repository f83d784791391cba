using Bin.Domain;
using Bin.Domain.Members;

namespace Bin.Domain.Tests.Members;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0470 12 34 56")]
    [InlineData("+32 470 12 34 56")]
    [InlineData("0032470123456")]
    [InlineData("0470/12.34.56")]
    [InlineData("0470-12-34-56")]
    [InlineData("  +32 (0)470 12 34 56 ")]
    public void Belgian_mobile_numbers_in_any_usual_notation_become_e164(string typed)
    {
        Assert.Equal("+32470123456", PhoneNumber.Parse(typed).E164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_number_is_refused(string? typed)
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse(typed));

        Assert.Equal("phone", ex.Field);
        Assert.Contains("required", ex.Message);
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("x")]
    public void Text_that_is_no_phone_number_is_refused(string typed)
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse(typed));

        Assert.Equal("phone", ex.Field);
        Assert.Contains("is not a phone number", ex.Message);
    }

    [Fact]
    public void A_mobile_number_with_a_digit_missing_is_refused_with_the_right_length()
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse("0470 12 34 5"));

        Assert.Equal("phone", ex.Field);
        Assert.Equal("'0470 12 34 5' is not a valid phone number: a Belgian mobile number has 10 digits (04xx xx xx xx).", ex.Message);
    }

    [Fact]
    public void A_number_far_too_short_is_refused_as_too_short()
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse("0470 1"));

        Assert.Equal("phone", ex.Field);
        Assert.Contains("too short", ex.Message);
    }

    [Fact]
    public void A_belgian_landline_is_refused_with_what_is_needed_instead()
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse("011 54 12 34"));

        Assert.Equal("phone", ex.Field);
        Assert.Equal("011 54 12 34 is a Belgian landline; alerts need a mobile number (04xx xx xx xx).", ex.Message);
    }

    [Fact]
    public void A_belgian_landline_is_refused_even_when_foreign_numbers_are_allowed()
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse("+32 11 54 12 34", belgianMobileOnly: false));

        Assert.Contains("Belgian landline", ex.Message);
    }

    [Fact]
    public void A_foreign_mobile_is_refused_when_only_belgian_mobiles_are_accepted()
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse("+31 6 12345678"));

        Assert.Equal("phone", ex.Field);
        Assert.Equal("+31 6 12345678: only Belgian mobile numbers (+32 4…) are accepted.", ex.Message);
    }

    [Fact]
    public void A_foreign_mobile_is_accepted_when_allowed()
    {
        Assert.Equal("+31612345678", PhoneNumber.Parse("+31 6 12345678", belgianMobileOnly: false).E164);
        Assert.Equal("+491701234567", PhoneNumber.Parse("0049 170 1234567", belgianMobileOnly: false).E164);
    }

    [Fact]
    public void A_foreign_landline_is_refused_even_when_foreign_numbers_are_allowed()
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse("+31 20 123 4567", belgianMobileOnly: false));

        Assert.Equal("phone", ex.Field);
        Assert.Contains("is a landline; alerts need a mobile number", ex.Message);
    }

    [Fact]
    public void A_belgian_toll_free_number_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse("0800 12 345"));

        Assert.Equal("phone", ex.Field);
        Assert.Contains("toll-free", ex.Message);
    }

    [Fact]
    public void The_masked_form_keeps_country_code_first_group_and_last_two_digits()
    {
        var number = PhoneNumber.Parse("0470 12 34 56");

        Assert.Equal("+32 470 •• •• 56", number.Masked);
        Assert.Equal(number.Masked, number.ToString());
        Assert.DoesNotContain("1234", $"{number}");
    }

    [Fact]
    public void A_foreign_number_is_masked_the_same_way()
    {
        Assert.Equal("+31 6 ••••••78", PhoneNumber.Parse("+31 6 12345678", belgianMobileOnly: false).Masked);
    }

    [Fact]
    public void A_stored_e164_number_can_be_read_back_but_garbage_cannot()
    {
        Assert.Equal(PhoneNumber.Parse("0470 12 34 56"), new MobileNumber("+32470123456"));

        var ex = Assert.Throws<DomainException>(() => new MobileNumber("0470 12 34 56"));
        Assert.Equal("phone", ex.Field);
    }
}
