using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain.Tips;
using Lang = Bin.Domain.Members.Language;

namespace Bin.Dashboard.Features.Feedback;

public static class FeedbackLabels
{
    /// <summary>What the officer chose, by its title in the UI language: never the template's id.</summary>
    public static string TemplateTitle(string? templateId) =>
        FeedbackTemplates.All.FirstOrDefault(t => t.Id == templateId) is { } template
            ? template.Title(UiText.Language == "en" ? Lang.En : Lang.Nl)
            : UiText.T("feedback.ownTextLabel");
}
