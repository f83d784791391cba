using System.Globalization;
using System.Security.Claims;
using Bin.Dashboard.Features.Feedback;
using Bin.Domain;
using Bin.Domain.Feedback;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Feedback;

public class FeedbackFormTests : BunitContext
{
    /// <summary>Records what the form asked for; can refuse like the server would.</summary>
    private sealed class FakeScheduling : IFeedbackScheduling
    {
        public List<ScheduleFeedback> Scheduled { get; } = [];
        public List<RescheduleFeedback> Rescheduled { get; } = [];
        public DomainException? Refuse { get; set; }

        public Task<FeedbackScheduled> ScheduleAsync(ScheduleFeedback command, ClaimsPrincipal user, CancellationToken ct)
        {
            if (Refuse is not null) throw Refuse;
            Scheduled.Add(command);
            return Task.FromResult(FeedbackDecisions.Schedule(null, Alert, command, Now));
        }

        public Task<FeedbackRescheduled> RescheduleAsync(Guid alertId, RescheduleFeedback command, ClaimsPrincipal user, CancellationToken ct)
        {
            if (Refuse is not null) throw Refuse;
            Rescheduled.Add(command);
            return Task.FromResult(new FeedbackRescheduled(command.FeedbackId, command.FeedbackTemplateId, new Dictionary<string, string>(), command.SendAt, command.AfterCloseMinutes, Now));
        }

        public Task<FeedbackCancelled> CancelAsync(Guid alertId, CancelFeedback command, ClaimsPrincipal user, CancellationToken ct) =>
            Task.FromResult(new FeedbackCancelled(command.FeedbackId, Now));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Saturday 28 November 2026, 21:40 in Lommel (20:40 UTC).</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 20, 40, 0, TimeSpan.Zero);

    private static readonly FeedbackAlert Alert = new(Guid.NewGuid(), Guid.NewGuid(), Now.AddMinutes(-30), IncidentClosedAt: null);

    private readonly FakeScheduling _scheduling = new();

    public FeedbackFormTests()
    {
        Services.AddSingleton<IFeedbackScheduling>(_scheduling);
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        AddAuthorization().SetAuthorized("officer");
    }

    private IRenderedComponent<FeedbackForm> RenderForm(FeedbackView? editing = null, Action? saved = null) =>
        Render<FeedbackForm>(p =>
        {
            p.Add(f => f.Alert, Alert);
            p.Add(f => f.Editing, editing);
            p.Add(f => f.OnSaved, () => saved?.Invoke());
        });

    private static string? ErrorFor(IRenderedComponent<FeedbackForm> form, string field) =>
        form.FindAll($".field-error[data-field='{field}']").SingleOrDefault()?.TextContent;

    [Fact]
    public void An_own_text_left_empty_is_named_and_nothing_is_scheduled()
    {
        var form = RenderForm();
        form.Find("[data-testid=feedback-template]").Change("");

        form.Find("form").Submit();

        Assert.Contains("Tekst", ErrorFor(form, "text"));
        Assert.Empty(_scheduling.Scheduled);
    }

    [Fact]
    public void A_time_in_the_past_is_named_and_nothing_is_scheduled()
    {
        var form = RenderForm();
        form.Find("[data-testid=feedback-sendat]").Change("2026-11-28T20:00");

        form.Find("form").Submit();

        Assert.Contains("Tijdstip", ErrorFor(form, "sendAt"));
        Assert.Null(ErrorFor(form, "text"));
        Assert.Empty(_scheduling.Scheduled);
    }

    [Fact]
    public void A_time_that_is_not_filled_in_is_named()
    {
        var form = RenderForm();
        form.Find("[data-testid=feedback-sendat]").Change("");

        form.Find("form").Submit();

        Assert.NotNull(ErrorFor(form, "sendAt"));
        Assert.Empty(_scheduling.Scheduled);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("20000")]
    [InlineData("tien")]
    public void Minutes_after_closing_out_of_range_or_not_a_number_are_named(string minutes)
    {
        var form = RenderForm();
        form.Find("[data-testid=feedback-when-close]").Change(true);
        form.Find("[data-testid=feedback-minutes]").Change(minutes);

        form.Find("form").Submit();

        Assert.Contains("Minuten", ErrorFor(form, "afterCloseMinutes"));
        Assert.Empty(_scheduling.Scheduled);
    }

    [Fact]
    public void An_own_text_over_four_segments_shows_its_segment_count()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        var form = RenderForm();
        form.Find("[data-testid=feedback-template]").Change("");
        form.Find("[data-testid=feedback-text]").Input(new string('a', 700));

        form.Find("form").Submit();

        Assert.Contains("5 sms-segmenten", ErrorFor(form, "text"));
        Assert.Empty(_scheduling.Scheduled);
    }

    [Fact]
    public void A_valid_form_schedules_the_template_at_the_Brussels_time_typed()
    {
        var saved = false;
        var form = RenderForm(saved: () => saved = true);
        form.Find("[data-testid=feedback-sendat]").Change("2026-11-28T23:15");

        form.Find("form").Submit();

        var command = Assert.Single(_scheduling.Scheduled);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 23, 15, 0, TimeSpan.FromHours(1)), command.SendAt);
        Assert.Equal("feedback-all-clear", command.FeedbackTemplateId);
        Assert.Null(command.Text);
        Assert.Equal(Alert.AlertId, command.AlertId);
        Assert.True(saved);
        Assert.Empty(form.FindAll(".field-error"));
    }

    [Fact]
    public void Own_text_after_closing_is_scheduled_with_its_minutes()
    {
        var form = RenderForm();
        form.Find("[data-testid=feedback-template]").Change("");
        form.Find("[data-testid=feedback-text]").Input("Verdachte gevat. Bedankt!");
        form.Find("[data-testid=feedback-when-close]").Change(true);
        form.Find("[data-testid=feedback-minutes]").Change("45");

        form.Find("form").Submit();

        var command = Assert.Single(_scheduling.Scheduled);
        Assert.Equal("Verdachte gevat. Bedankt!", command.Text);
        Assert.Equal(45, command.AfterCloseMinutes);
        Assert.Null(command.SendAt);
    }

    [Fact]
    public void Editing_fills_in_the_feedback_and_saves_a_change()
    {
        var editing = new FeedbackView
        {
            Id = Guid.NewGuid(), AlertId = Alert.AlertId, IncidentId = Alert.IncidentId, Status = FeedbackStatus.Scheduled,
            Texts = new() { ["nl"] = "Eigen tekst", ["fr"] = "Eigen tekst", ["de"] = "Eigen tekst", ["en"] = "Eigen tekst" },
            AfterCloseMinutes = 90, ScheduledAt = Now.AddMinutes(-5),
        };
        var form = RenderForm(editing);

        Assert.Equal("Eigen tekst", form.Find("[data-testid=feedback-text]").GetAttribute("value"));
        Assert.Equal("90", form.Find("[data-testid=feedback-minutes]").GetAttribute("value"));
        form.Find("[data-testid=feedback-minutes]").Change("120");
        form.Find("form").Submit();

        var command = Assert.Single(_scheduling.Rescheduled);
        Assert.Equal(editing.Id, command.FeedbackId);
        Assert.Equal(120, command.AfterCloseMinutes);
        Assert.Equal("Eigen tekst", command.Text);
    }

    [Fact]
    public void A_refusal_from_the_server_is_shown_at_its_field()
    {
        _scheduling.Refuse = new DomainException("The incident was already closed 90 minutes ago.", "afterCloseMinutes");
        var form = RenderForm();

        form.Find("form").Submit();

        Assert.Contains("already closed", ErrorFor(form, "afterCloseMinutes"));
    }
}
