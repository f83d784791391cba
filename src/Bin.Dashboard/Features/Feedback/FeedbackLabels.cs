using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain.Tips;

namespace Bin.Dashboard.Features.Feedback;

public static class FeedbackLabels
{
    /// <summary>What the officer chose, by its title in the UI language: never the template's id.</summary>
    public static string TemplateTitle(string? templateId) =>
        FeedbackTemplates.All.FirstOrDefault(t => t.Id == templateId) is { } template
            ? template.Title(Bin.Domain.Members.Languages.Parse(UiText.Language))
            : UiText.T("feedback.ownTextLabel");
}
