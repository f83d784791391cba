using Bin.Dashboard.Features.Incidents;
using Bin.Domain.Incidents;
using Bunit;

namespace Bin.Dashboard.Tests.Incidents;

public class CloseIncidentFormTests : BunitContext
{
    private readonly List<IncidentOutcome> _closed = [];

    private IRenderedComponent<CloseIncidentForm> RenderForm(Guid? id = null) => Render<CloseIncidentForm>(p => p
        .Add(f => f.IncidentId, id ?? Guid.NewGuid())
        .Add(f => f.OnClose, outcome => _closed.Add(outcome)));

    [Fact]
    public void No_outcome_is_preselected()
    {
        var form = RenderForm();

        var select = form.Find("[data-testid=close-outcome]");
        Assert.Equal("", select.GetAttribute("value"));
        Assert.Equal("— kies de afloop —", select.QuerySelector("option")!.TextContent);
        Assert.Equal(Enum.GetValues<IncidentOutcome>().Length + 1, select.QuerySelectorAll("option").Length);
    }

    [Fact]
    public void Asking_to_close_without_an_outcome_is_refused_with_a_message_and_closes_nothing()
    {
        var form = RenderForm();

        form.Find("[data-testid=close-ask]").Click();

        Assert.Equal("Afloop: kies eerst hoe de melding afliep.", form.Find("[data-testid=close-error]").TextContent);
        Assert.Equal("true", form.Find("[data-testid=close-outcome]").GetAttribute("aria-invalid"));
        Assert.Empty(form.FindAll("[data-testid=close-confirmation]"));
        Assert.Empty(_closed);
    }

    [Fact]
    public void A_chosen_outcome_is_asked_to_be_confirmed_and_closes_only_on_confirmation()
    {
        var form = RenderForm();
        form.Find("[data-testid=close-outcome]").Change(nameof(IncidentOutcome.SuspectCaught));

        form.Find("[data-testid=close-ask]").Click();

        Assert.Contains(IncidentOutcome.SuspectCaught.Label("nl"), form.Find("[data-testid=close-confirmation]").TextContent);
        Assert.Empty(_closed);
        form.Find("[data-testid=close-confirm]").Click();
        Assert.Equal([IncidentOutcome.SuspectCaught], _closed);
    }

    [Fact]
    public void Cancelling_the_confirmation_closes_nothing()
    {
        var form = RenderForm();
        form.Find("[data-testid=close-outcome]").Change(nameof(IncidentOutcome.HandedOver));
        form.Find("[data-testid=close-ask]").Click();

        form.Find("[data-testid=close-cancel]").Click();

        Assert.Empty(_closed);
        Assert.Empty(form.FindAll("[data-testid=close-confirmation]"));
    }

    [Fact]
    public void A_forged_outcome_value_is_refused()
    {
        var form = RenderForm();
        form.Find("[data-testid=close-outcome]").Change("42");

        form.Find("[data-testid=close-ask]").Click();

        Assert.NotNull(form.Find("[data-testid=close-error]"));
        Assert.Empty(_closed);
    }

    [Fact]
    public void Opening_another_incident_starts_again_with_nothing_chosen()
    {
        var form = RenderForm();
        form.Find("[data-testid=close-outcome]").Change(nameof(IncidentOutcome.FalseAlarm));
        form.Find("[data-testid=close-ask]").Click();

        form.Render(p => p.Add(f => f.IncidentId, Guid.NewGuid()));

        Assert.Empty(form.FindAll("[data-testid=close-confirmation]"));
        Assert.Equal("", form.Find("[data-testid=close-outcome]").GetAttribute("value"));
    }
}
