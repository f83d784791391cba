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
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse(typed));

        Assert.Equal("phone", ex.Field);
        Assert.Contains("required", ex.Message);
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("x")]
    public void Text_that_is_no_phone_number_is_refused(string typed)
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse(typed));

        Assert.Equal("phone", ex.Field);
        Assert.Contains("is not a phone number", ex.Message);
    }

    [Fact]
    public void A_mobile_number_with_a_digit_missing_is_refused_with_the_right_length()
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("0470 12 34 5"));

        Assert.Equal("phone", ex.Field);
        Assert.Equal("'0470 12 34 5' is not a valid phone number: a Belgian mobile number has 10 digits (04xx xx xx xx).", ex.Message);
    }

    [Fact]
    public void A_number_far_too_short_is_refused_as_too_short()
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("0470 1"));

        Assert.Equal("phone", ex.Field);
        Assert.Contains("too short", ex.Message);
    }

    [Fact]
    public void A_belgian_landline_is_refused_with_what_is_needed_instead()
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("011 54 12 34"));

        Assert.Equal("phone", ex.Field);
        Assert.Equal("011 54 12 34 is a Belgian landline; alerts need a mobile number (04xx xx xx xx).", ex.Message);
    }

    [Fact]
    public void A_belgian_landline_is_refused_even_when_any_country_is_allowed()
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("+32 11 54 12 34", anyCountry: true));

        Assert.Equal(PhoneProblem.BelgianLandline, ex.Problem);
        Assert.Contains("Belgian landline", ex.Message);
    }

    [Theory]
    [InlineData("+31 6 12345678", "+31612345678", "NL")]
    [InlineData("0031 6 1234 5678", "+31612345678", "NL")]
    [InlineData("+33 6 12 34 56 78", "+33612345678", "FR")]
    [InlineData("+33 7 81 23 45 67", "+33781234567", "FR")]
    [InlineData("+49 151 23456789", "+4915123456789", "DE")]
    [InlineData("+49 160 1234567", "+491601234567", "DE")]
    [InlineData("0049 170 1234567", "+491701234567", "DE")]
    [InlineData("+352 621 123 456", "+352621123456", "LU")]
    [InlineData("+352 691 123 456", "+352691123456", "LU")]
    [InlineData("0470 12 34 56", "+32470123456", "BE")]
    public void Mobiles_of_belgium_and_its_neighbours_become_e164(string typed, string e164, string country)
    {
        var number = PhoneNumber.Parse(typed);

        Assert.Equal(e164, number.E164);
        Assert.Equal(country, PhoneNumber.CountryOf(number.E164));
    }

    [Theory]
    [InlineData("+31 20 123 4567", PhoneProblem.Landline)]
    [InlineData("+33 1 23 45 67 89", PhoneProblem.Landline)]
    [InlineData("+49 30 1234567", PhoneProblem.Landline)]
    [InlineData("+352 27 12 34", PhoneProblem.Landline)]
    [InlineData("011 54 12 34", PhoneProblem.BelgianLandline)]
    [InlineData("+33 8 99 12 34 56", PhoneProblem.NotAMobile)]
    [InlineData("+31 900 1234567", PhoneProblem.NotAMobile)]
    [InlineData("0900 12 345", PhoneProblem.NotAMobile)]
    [InlineData("+44 7911 123456", PhoneProblem.CountryNotAccepted)]
    [InlineData("+1 202 555 0123", PhoneProblem.CountryNotAccepted)]
    [InlineData("+39 312 345 6789", PhoneProblem.CountryNotAccepted)]
    public void Landlines_premium_numbers_and_other_countries_are_refused_with_the_reason(string typed, PhoneProblem problem)
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse(typed));

        Assert.Equal("phone", ex.Field);
        Assert.Equal(problem, ex.Problem);
    }

    [Fact]
    public void Another_country_is_refused_with_the_countries_that_are_accepted()
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("+44 7911 123456"));

        Assert.Equal("+44 7911 123456: only mobile numbers of Belgium, the Netherlands, France, Germany and Luxembourg are accepted.", ex.Message);
        Assert.Equal("+44 7911 123456", ex.Shown);
    }

    [Fact]
    public void Any_country_s_mobile_is_accepted_when_allowed()
    {
        Assert.Equal("+447911123456", PhoneNumber.Parse("+44 7911 123456", anyCountry: true).E164);
    }

    [Fact]
    public void A_dutch_number_in_national_notation_is_read_as_belgian_and_refused()
    {
        Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("06 12345678"));
    }

    [Fact]
    public void The_country_of_garbage_is_unknown()
    {
        Assert.Equal("ZZ", PhoneNumber.CountryOf("not a number"));
    }

    [Fact]
    public void A_belgian_toll_free_number_is_refused()
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("0800 12 345"));

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
        Assert.Equal("+31 6 ••••••78", PhoneNumber.Parse("+31 6 12345678").Masked);
    }

    [Fact]
    public void A_stored_e164_number_can_be_read_back_but_garbage_cannot()
    {
        Assert.Equal(PhoneNumber.Parse("0470 12 34 56"), new MobileNumber("+32470123456"));

        var ex = Assert.Throws<DomainException>(() => new MobileNumber("0470 12 34 56"));
        Assert.Equal("phone", ex.Field);
    }
}
