using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain.Members;

namespace Bin.Dashboard.Features.Members;

/// <summary>Why a phone number was refused, in the user's language (the domain words it in English).</summary>
public static class PhoneText
{
    public static string Describe(PhoneNumberException ex) => ex.Problem switch
    {
        PhoneProblem.NotAMobile => string.Format(UiText.T("phone.err.NotAMobile"), ex.Shown, UiText.T($"phone.kind.{ex.Kind}") is var kind && kind != $"phone.kind.{ex.Kind}" ? kind : UiText.T("phone.kind.other")),
        _ => string.Format(UiText.T($"phone.err.{ex.Problem}"), ex.Shown),
    };

    /// <summary>The message of any domain refusal, with a phone refusal in the user's language.</summary>
    public static string MessageOf(Bin.Domain.DomainException ex) => ex is PhoneNumberException phone ? Describe(phone) : ex.Message;
}
