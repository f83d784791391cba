using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Infrastructure.Auth;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Bin.Dashboard.Tests.Feedback.FeedbackScenario;

namespace Bin.Dashboard.Tests.Feedback;

/// <summary>
/// The watchdog panel on the dashboard, rendered with bUnit on a real host whose deadline is three seconds after the
/// alert. No event announces a deadline passing: the panel wakes at the next deadline it knows of.
/// </summary>
public class OverdueFeedbackListTests : BunitContext, IClassFixture<FeedbackHostFixture>
{
    private readonly FeedbackHostFixture _host;

    public OverdueFeedbackListTests(FeedbackHostFixture host)
    {
        _host = host;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Services.AddSingleton(host.App.Service<OverdueLiveState>());
        Services.AddSingleton(host.App.Service<IDocumentStore>());
        var auth = AddAuthorization();
        auth.SetAuthorized("chief");
        auth.SetRoles(Roles.Chief);
    }

    [Fact]
    public async Task An_alert_without_feedback_appears_when_its_deadline_passes_and_leaves_when_feedback_is_scheduled()
    {
        var list = Render<OverdueFeedbackList>();
        var incident = await IncidentAsync(_host.App);
        var response = await (await _host.App.ClientForAsync("officer")).PostAsJsonAsync($"/api/incidents/{incident}/alerts",
            new { networkIds = new[] { Parelstrand }, tipTemplateId = "burglary-lights" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var alertId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetGuid();
        var row = $"[data-testid=overdue-alert][data-alert='{alertId}']";

        // The deadline is 3 s after the alert; before this panel waited for it, it looked again only every 30 s.
        list.WaitForAssertion(() => Assert.Single(list.FindAll(row)), TimeSpan.FromSeconds(15));

        await ScheduledAsync(_host.App, alertId, new { text = "Bedankt!", sendAt = DateTimeOffset.UtcNow.AddHours(1) });
        list.WaitForAssertion(() => Assert.Empty(list.FindAll(row)), TimeSpan.FromSeconds(15));
    }
}
