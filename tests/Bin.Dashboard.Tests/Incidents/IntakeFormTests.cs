using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Map;
using Bin.Domain;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Incidents;

public class IntakeFormTests : BunitContext
{
    private readonly FakeIntake _intake = new();

    public IntakeFormTests()
    {
        Services.AddSingleton<IIncidentIntake>(_intake);
        Services.AddSingleton<Bin.Dashboard.Features.Addresses.IAddressFinder>(new Addresses.FakeAddressFinder());
        AddAuthorization().SetAuthorized("dispatcher");
    }

    private static string ErrorFor(IRenderedComponent<IntakeForm> form, string field) =>
        form.Find($".field-error[data-field='{field}']").TextContent;

    [Fact]
    public void Saving_an_empty_form_names_every_missing_field_and_saves_nothing()
    {
        var form = Render<IntakeForm>();

        form.Find("form").Submit();

        Assert.Contains("Breedtegraad", ErrorFor(form, "lat"));
        Assert.Contains("Lengtegraad", ErrorFor(form, "lon"));
        Assert.Contains("Categorie", ErrorFor(form, "category"));
        Assert.Contains("Omschrijving", ErrorFor(form, "description"));
        Assert.Empty(_intake.Saved);
    }

    [Fact]
    public void A_latitude_out_of_range_is_named_and_nothing_is_saved()
    {
        var form = Render<IntakeForm>();
        form.Find("[data-testid=intake-lat]").Change("95");
        form.Find("[data-testid=intake-lon]").Change("5.31");
        form.Find("[data-testid=intake-category]").Change("theft");
        form.Find("[data-testid=intake-description]").Input("Fiets gestolen");

        form.Find("form").Submit();

        Assert.Contains("-90", ErrorFor(form, "lat"));
        Assert.Empty(form.FindAll(".field-error[data-field='lon']"));
        Assert.Empty(_intake.Saved);
    }

    [Fact]
    public void A_clicked_map_point_fills_the_coordinates_and_shows_the_containing_network_before_saving()
    {
        var form = Render<IntakeForm>(p => p.Add(f => f.Location, new MapPoint(51.2307, 5.3135)));

        Assert.Equal("51.2307", form.Find("[data-testid=intake-lat]").GetAttribute("value"));
        Assert.Equal("5.3135", form.Find("[data-testid=intake-lon]").GetAttribute("value"));
        Assert.Contains("Kerkplein", form.Find("[data-testid=intake-networks]").TextContent);
    }

    [Fact]
    public void A_clicked_point_near_a_house_offers_its_address_and_taking_it_moves_the_point_there_and_saves_it()
    {
        var form = Render<IntakeForm>(p => p.Add(f => f.Location, new MapPoint(51.2307, 5.3135)));
        Assert.Contains("Dichtstbij: Kerkplein 1, 3920 Lommel (13 m)", form.Find("[data-testid=intake-nearby]").TextContent);

        form.Find("[data-testid=intake-take-nearby]").Click();
        Assert.Contains("Kerkplein 1, 3920 Lommel", form.Find("[data-testid=intake-address]").TextContent);
        Assert.Equal("51.2308", form.Find("[data-testid=intake-lat]").GetAttribute("value"));
        form.Find("[data-testid=intake-category]").Change("burglary");
        form.Find("[data-testid=intake-description]").Input("Inbraak in woning");
        form.Find("form").Submit();

        var saved = Assert.Single(_intake.Saved);
        Assert.Equal((51.2308, 5.3136, "Kerkplein 1, 3920 Lommel"), (saved.Latitude, saved.Longitude, saved.Address));
    }

    [Fact]
    public void A_clicked_point_far_from_every_house_offers_no_address_and_is_saved_without_one()
    {
        var form = Render<IntakeForm>(p => p.Add(f => f.Location, new MapPoint(51.2500, 5.3500)));
        form.Find("[data-testid=intake-category]").Change("fire");
        form.Find("[data-testid=intake-description]").Input("Bosbrand");

        Assert.Empty(form.FindAll("[data-testid=intake-nearby]"));
        form.Find("form").Submit();

        Assert.Null(Assert.Single(_intake.Saved).Address);
    }

    [Fact]
    public void A_valid_form_saves_once_and_clears()
    {
        IncidentReported? reported = null;
        var form = Render<IntakeForm>(p => p
            .Add(f => f.Location, new MapPoint(51.2307, 5.3135))
            .Add(f => f.OnReported, r => reported = r));
        form.Find("[data-testid=intake-category]").Change("burglary");
        form.Find("[data-testid=intake-description]").Input("Inbraak in woning, dader gevlucht te voet");

        form.Find("form").Submit();

        var saved = Assert.Single(_intake.Saved);
        Assert.Equal("burglary", saved.Category);
        Assert.Equal(51.2307, saved.Latitude);
        Assert.NotNull(reported);
        Assert.Equal("", form.Find("[data-testid=intake-lat]").GetAttribute("value"));
    }

    [Fact]
    public void A_refusal_from_the_decision_is_shown_against_its_field()
    {
        _intake.Refuse = new DomainException("The location lies 20 km from the centre of Politiezone Lommel.", "lat");
        var form = Render<IntakeForm>(p => p.Add(f => f.Location, new MapPoint(51.40, 5.31)));
        form.Find("[data-testid=intake-category]").Change("fire");
        form.Find("[data-testid=intake-description]").Input("Rook gezien");

        form.Find("form").Submit();

        Assert.Contains("20 km", ErrorFor(form, "lat"));
    }
}
