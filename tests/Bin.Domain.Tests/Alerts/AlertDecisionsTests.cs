using Bin.Domain.Alerts;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;

namespace Bin.Domain.Tests.Alerts;

public class AlertDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 30, 0, TimeSpan.Zero);
    private static readonly Guid Kerkplein = Guid.NewGuid();
    private static readonly Guid Leuken = Guid.NewGuid();

    private static Incident OpenIncident() => Incident.Create(IncidentDecisions.Report(null,
        new ReportIncident(Guid.NewGuid(), 51.2307, 5.3135, "burglary", "Inbraak", ReporterKind.Member), ServiceArea.Lommel, [Kerkplein], Now));

    private static AlertContext Given(Incident? incident, int alertsLastHour = 0, int kerkpleinMembers = 120, int leukenMembers = 80) =>
        new(incident, new HashSet<Guid> { Kerkplein, Leuken },
            new Dictionary<Guid, int> { [Kerkplein] = kerkpleinMembers, [Leuken] = leukenMembers }, alertsLastHour, 10);

    [Fact]
    public void An_alert_with_a_library_tip_carries_the_tip_in_every_member_language_and_counts_recipients_per_network()
    {
        var incident = OpenIncident();

        var issued = AlertDecisions.Issue(Given(incident), new IssueAlert(Guid.NewGuid(), incident.Id, [Kerkplein, Leuken], "burglary-lights", null), Now);

        Assert.Equal(["nl", "fr", "de", "en"], issued.Texts.Keys);
        Assert.Contains("buitenverlichting", issued.Texts["nl"]);
        Assert.NotEqual(issued.Texts["nl"], issued.Texts["fr"]);
        Assert.Equal(200, issued.Recipients);
        Assert.Equal(120, issued.RecipientsPerNetwork[Kerkplein]);
        Assert.Equal("burglary-lights", issued.TipTemplateId);
        Assert.Equal(Now, issued.IssuedAt);
    }

    [Fact]
    public void An_officers_own_text_goes_to_every_language_unchanged()
    {
        var incident = OpenIncident();

        var issued = AlertDecisions.Issue(Given(incident), new IssueAlert(Guid.NewGuid(), incident.Id, [Kerkplein], null, "  Verdachte wagen, grijze BMW. Antwoord OK.  "), Now);

        Assert.All(issued.Texts.Values, t => Assert.Equal("Verdachte wagen, grijze BMW. Antwoord OK.", t));
        Assert.Null(issued.TipTemplateId);
        Assert.Equal(1, issued.SegmentsPerMessage);
    }

    [Fact]
    public void Alerting_about_a_closed_incident_is_refused()
    {
        var incident = OpenIncident();
        var closed = incident.Apply(IncidentDecisions.Close(incident, new CloseIncident(incident.Id, IncidentOutcome.FalseAlarm, null), Now));

        var ex = Assert.Throws<DomainException>(() => AlertDecisions.Issue(Given(closed), new IssueAlert(Guid.NewGuid(), closed.Id, [Kerkplein], "burglary-lights", null), Now));
        Assert.Equal("incidentId", ex.Field);
    }

    [Fact]
    public void Alerting_about_an_unknown_incident_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => AlertDecisions.Issue(Given(null), new IssueAlert(Guid.NewGuid(), Guid.NewGuid(), [Kerkplein], "burglary-lights", null), Now));
        Assert.Equal("incidentId", ex.Field);
    }

    [Fact]
    public void An_alert_without_networks_or_with_unknown_ones_is_refused()
    {
        var incident = OpenIncident();

        Assert.Equal("networkIds", Assert.Throws<DomainException>(() => AlertDecisions.Issue(Given(incident), new IssueAlert(Guid.NewGuid(), incident.Id, [], "burglary-lights", null), Now)).Field);
        Assert.Equal("networkIds", Assert.Throws<DomainException>(() => AlertDecisions.Issue(Given(incident), new IssueAlert(Guid.NewGuid(), incident.Id, [Guid.NewGuid()], "burglary-lights", null), Now)).Field);
    }

    [Fact]
    public void Networks_without_active_members_cannot_be_alerted()
    {
        var incident = OpenIncident();

        var ex = Assert.Throws<DomainException>(() => AlertDecisions.Issue(Given(incident, kerkpleinMembers: 0), new IssueAlert(Guid.NewGuid(), incident.Id, [Kerkplein], "burglary-lights", null), Now));
        Assert.Contains("no active members", ex.Message);
    }

    [Fact]
    public void An_officer_over_the_hourly_limit_is_refused()
    {
        var incident = OpenIncident();

        var ex = Assert.Throws<DomainException>(() => AlertDecisions.Issue(Given(incident, alertsLastHour: 10), new IssueAlert(Guid.NewGuid(), incident.Id, [Kerkplein], "burglary-lights", null), Now));
        Assert.Equal("rate", ex.Field);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("burglary-lights", "own text too")]
    [InlineData("no-such-tip", null)]
    public void A_tip_must_be_either_a_known_template_or_own_text(string? template, string? text)
    {
        var ex = Assert.Throws<DomainException>(() => AlertDecisions.ComposeTexts(template, text));
        Assert.True(ex.Field is "tip" or "tipTemplateId");
    }

    [Fact]
    public void An_over_long_tip_is_refused_with_its_segment_count()
    {
        var ex = Assert.Throws<DomainException>(() => AlertDecisions.ComposeTexts(null, new string('a', 700)));
        Assert.Equal("tip", ex.Field);
        Assert.Contains("5 SMS segments", ex.Message);
    }
}
