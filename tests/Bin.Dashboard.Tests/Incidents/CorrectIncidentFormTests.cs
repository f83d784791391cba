using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Map;
using Bin.Domain;
using Bin.Domain.Incidents;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Incidents;

public class CorrectIncidentFormTests : BunitContext
{
    private readonly FakeIntake _intake = new();
    private int _done;

    public CorrectIncidentFormTests()
    {
        Services.AddSingleton<IIncidentIntake>(_intake);
        Services.AddSingleton<Bin.Dashboard.Features.Addresses.IAddressFinder>(new Addresses.FakeAddressFinder());
        AddAuthorization().SetAuthorized("dispatcher");
    }

    /// <summary>A burglary reported at the church square of Kerkplein, with its address.</summary>
    private static IncidentView Burglary(long version = 1) => new()
    {
        Id = Guid.Parse("0194f1a2-0000-7000-8000-00000000c0de"),
        Latitude = 51.2307,
        Longitude = 5.3135,
        Address = "Kerkplein 5, 3920 Lommel",
        Category = "burglary",
        Description = "Inbraak langs de achterdeur",
        Status = IncidentStatus.Reported,
        ReportedAt = DateTimeOffset.Parse("2026-12-06T01:30:00Z"),
        Version = version,
    };

    private IRenderedComponent<CorrectIncidentForm> Render(IncidentView incident, MapPoint? location = null) =>
        Render<CorrectIncidentForm>(p => p.Add(f => f.Incident, incident).Add(f => f.Location, location).Add(f => f.OnDone, () => _done++));

    private static string ErrorFor(IRenderedComponent<CorrectIncidentForm> form, string field) =>
        form.Find($".field-error[data-field='{field}']").TextContent;

    [Fact]
    public void The_form_starts_as_the_incident_is_with_its_network_shown()
    {
        var form = Render(Burglary());

        Assert.Equal("51.2307", form.Find("[data-testid=correct-lat]").GetAttribute("value"));
        Assert.Equal("5.3135", form.Find("[data-testid=correct-lon]").GetAttribute("value"));
        Assert.Equal("burglary", form.Find("[data-testid=correct-category]").GetAttribute("value"));
        Assert.Equal("Inbraak langs de achterdeur", form.Find("[data-testid=correct-description]").GetAttribute("value"));
        Assert.Contains("Kerkplein", form.Find("[data-testid=correct-networks]").TextContent);
    }

    [Fact]
    public void A_click_on_the_map_moves_the_point_and_the_correction_saves_it_without_the_old_address()
    {
        var incident = Burglary();
        var form = Render(incident);

        form.Render(p => p.Add(f => f.Location, new MapPoint(51.2190, 5.2950)));
        Assert.Equal("51.219", form.Find("[data-testid=correct-lat]").GetAttribute("value"));
        Assert.Contains("Buiten elk BIN", form.Find("[data-testid=correct-networks]").TextContent);
        form.Find("form").Submit();

        var saved = Assert.Single(_intake.Corrected);
        Assert.Equal(new UpdateIncident(incident.Id, 51.2190, 5.2950, "burglary", "Inbraak langs de achterdeur", null), saved);
        Assert.Equal(1, _done);
    }

    [Fact]
    public void A_correction_that_leaves_the_point_keeps_its_address_and_saves_the_new_category_and_description()
    {
        var incident = Burglary();
        var form = Render(incident);

        form.Find("[data-testid=correct-category]").Change("suspicious-person");
        form.Find("[data-testid=correct-description]").Input("Geen inbraak: verdacht persoon aan de achterdeur");
        form.Find("form").Submit();

        Assert.Equal(new UpdateIncident(incident.Id, 51.2307, 5.3135, "suspicious-person", "Geen inbraak: verdacht persoon aan de achterdeur", "Kerkplein 5, 3920 Lommel"),
            Assert.Single(_intake.Corrected));
    }

    [Fact]
    public void A_chosen_address_moves_the_point_and_is_saved_with_it()
    {
        var form = Render(Burglary());

        form.Find("[data-testid=address-search-input]").Input("kerkplein");
        form.Find("[data-testid=address-search-input]").KeyDown("Enter");
        form.WaitForAssertion(() => Assert.Equal(2, form.FindAll("[data-testid=address-result]").Count));
        form.FindAll("[data-testid=address-result]")[1].Click();
        form.Find("form").Submit();

        var saved = Assert.Single(_intake.Corrected);
        Assert.Equal((51.23055, 5.31234, "Kerkplein 2, 3920 Lommel"), (saved.Latitude, saved.Longitude, saved.Address));
    }

    [Fact]
    public void An_emptied_description_is_named_and_nothing_is_saved()
    {
        var form = Render(Burglary());

        form.Find("[data-testid=correct-description]").Input("   ");
        form.Find("form").Submit();

        Assert.Contains("Omschrijving", ErrorFor(form, "description"));
        Assert.Empty(_intake.Corrected);
        Assert.Equal(0, _done);
    }

    [Fact]
    public void A_change_made_meanwhile_by_someone_else_is_shown_before_it_is_replaced()
    {
        var form = Render(Burglary(version: 1));
        form.Find("[data-testid=correct-description]").Input("Inbraak, dader gevlucht richting station");

        // Another dispatcher's correction reaches this console while the form is open.
        var corrected = Burglary(version: 2);
        corrected.Description = "Inbraak langs de achterdeur, buren gewaarschuwd";
        form.Render(p => p.Add(f => f.Incident, corrected));
        form.Find("form").Submit();

        Assert.Contains("Iemand anders wijzigde deze melding", ErrorFor(form, "form"));
        Assert.Empty(_intake.Corrected);
        Assert.Equal("Inbraak, dader gevlucht richting station", form.Find("[data-testid=correct-description]").GetAttribute("value"));

        // Saving again, having seen it, replaces their change.
        form.Find("form").Submit();
        Assert.Equal("Inbraak, dader gevlucht richting station", Assert.Single(_intake.Corrected).Description);
        Assert.Equal(1, _done);
    }

    [Fact]
    public void A_colleague_verifying_it_meanwhile_changes_nothing_the_correction_replaces_and_it_saves_at_once()
    {
        var form = Render(Burglary(version: 1));
        form.Find("[data-testid=correct-category]").Change("theft");

        var verified = Burglary(version: 2);
        verified.Status = IncidentStatus.Verified;
        form.Render(p => p.Add(f => f.Incident, verified));
        form.Find("form").Submit();

        Assert.Equal("theft", Assert.Single(_intake.Corrected).Category);
        Assert.Equal(1, _done);
    }

    [Fact]
    public void A_refusal_from_the_decision_is_shown_and_the_form_stays_open()
    {
        _intake.Refuse = new DomainException("Deze melding is afgesloten en kan niet meer wijzigen.");
        var form = Render(Burglary());

        form.Find("form").Submit();

        Assert.Contains("afgesloten", ErrorFor(form, "form"));
        Assert.Equal(0, _done);
    }

    [Fact]
    public void Cancelling_saves_nothing()
    {
        var form = Render(Burglary());
        form.Find("[data-testid=correct-category]").Change("fire");

        form.Find("[data-testid=correct-cancel]").Click();

        Assert.Equal(1, _done);
        Assert.Empty(_intake.Corrected);
    }
}
