using Bin.Domain.Networks;
using static Bin.Domain.Tests.Networks.NetworkHistory;

namespace Bin.Domain.Tests.Networks;

/// <summary>The founding steps in the prescribed order: each one recorded, and each refused when out of order.</summary>
public class FoundingWorkflowTests
{
    /// <summary>Decides <paramref name="step"/> with a valid command, as the founding page would send it.</summary>
    private static INetworkEvent When(FoundingStep step, Network? state) => step switch
    {
        FoundingStep.IdeaRegistered => FoundingDecisions.RegisterIdea(state, new RegisterFoundingIdea(Id, IdeaSource.Association, "Buurtvereniging vraagt een BIN."), Now),
        FoundingStep.ConsultationHeld => FoundingDecisions.RecordConsultation(state, new RecordConsultation(Id, Today.AddDays(-3), "Overleg met schepen en wijkagent."), Now),
        FoundingStep.InfoEveningHeld => FoundingDecisions.RecordInfoEvening(state, new RecordInfoEvening(Id, Today.AddDays(-2), 48, null), Now),
        FoundingStep.CharterDrawnUp => FoundingDecisions.DrawUpCharter(state, new DrawUpCharter(Id, ACharter()), Now),
        FoundingStep.CharterSigned => FoundingDecisions.SignCharter(state, new SignCharter(Id, 1, AllFour, Today), Now),
        FoundingStep.Recognised => FoundingDecisions.Recognise(state, new RecogniseNetwork(Id, "BIN/2026/0412", Today), Now),
        FoundingStep.Activated => FoundingDecisions.Activate(state, new ActivateNetwork(Id, Today), Now),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    public static TheoryData<FoundingStep, FoundingStep?> OutOfOrder()
    {
        var data = new TheoryData<FoundingStep, FoundingStep?>();
        foreach (var step in FoundingText.Steps.Skip(1))
        {
            // Every history that stops two or more steps short of this one: nothing but the registration, the idea, …
            data.Add(step, null);
            foreach (var reached in FoundingText.Steps.Where(r => r < step - 1)) data.Add(step, reached);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    public void A_step_out_of_order_is_refused_naming_the_missing_step(FoundingStep step, FoundingStep? reached)
    {
        var state = Given(reached is null ? [Proposed()] : FoundedUpTo(reached.Value));
        var missing = reached is null ? FoundingStep.IdeaRegistered : reached.Value + 1;

        var ex = ThenRefused(() => When(step, state));

        Assert.Equal("step", ex.Field);
        Assert.Equal($"Cannot record {FoundingText.Describe(step)} for Lindelaan: {FoundingText.Describe(missing)} has not been recorded yet.", ex.Message);
    }

    [Theory]
    [InlineData(FoundingStep.IdeaRegistered)]
    [InlineData(FoundingStep.ConsultationHeld)]
    [InlineData(FoundingStep.InfoEveningHeld)]
    [InlineData(FoundingStep.CharterSigned)]
    [InlineData(FoundingStep.Recognised)]
    [InlineData(FoundingStep.Activated)]
    public void A_step_already_recorded_is_refused(FoundingStep step)
    {
        var ex = ThenRefused(() => When(step, Given(FoundedUpTo(step))));

        Assert.Contains("has already been recorded for Lindelaan", ex.Message);
    }

    [Theory]
    [InlineData(FoundingStep.IdeaRegistered, NetworkStatus.Proposed)]
    [InlineData(FoundingStep.ConsultationHeld, NetworkStatus.Founding)]
    [InlineData(FoundingStep.InfoEveningHeld, NetworkStatus.Founding)]
    [InlineData(FoundingStep.CharterDrawnUp, NetworkStatus.Founding)]
    [InlineData(FoundingStep.CharterSigned, NetworkStatus.Founding)]
    [InlineData(FoundingStep.Recognised, NetworkStatus.Recognised)]
    [InlineData(FoundingStep.Activated, NetworkStatus.Active)]
    public void Each_step_in_order_is_recorded_and_moves_the_network_on(FoundingStep step, NetworkStatus status)
    {
        var before = step == FoundingStep.IdeaRegistered ? [Proposed()] : FoundedUpTo(step - 1);

        var decided = When(step, Given(before));
        var after = Given([.. before, decided])!;

        Assert.Equal(Id, decided.NetworkId);
        Assert.Equal(step, after.Reached);
        Assert.Equal(status, after.Status);
        Assert.Equal(step == FoundingStep.Activated ? null : step + 1, FoundingDecisions.NextStep(after));
    }

    [Fact]
    public void The_idea_records_who_had_it()
    {
        var idea = FoundingDecisions.RegisterIdea(Given(Proposed()), new RegisterFoundingIdea(Id, IdeaSource.Municipality, "  Vraag van de gemeente.  "), Now);

        Assert.Equal(new FoundingIdeaRegistered(Id, IdeaSource.Municipality, "Vraag van de gemeente.", Now), idea);
    }

    [Fact]
    public void A_network_running_before_the_dashboard_has_no_founding_steps_to_record()
    {
        var state = Given(RunningBeforeTheDashboard());

        var ex = ThenRefused(() => When(FoundingStep.ConsultationHeld, state));

        Assert.False(state!.FoundingRecorded);
        Assert.Contains("Kerkplein was already active when it was registered", ex.Message);
    }

    [Fact]
    public void The_info_evening_records_its_date_and_attendance()
    {
        var e = FoundingDecisions.RecordInfoEvening(Given(FoundedUpTo(FoundingStep.ConsultationHeld)), new RecordInfoEvening(Id, Today.AddDays(-1), 87, "Veel vragen over inbraken."), Now);

        Assert.Equal(new InfoEveningHeld(Id, Today.AddDays(-1), 87, "Veel vragen over inbraken.", Now), e);
    }

    [Fact]
    public void A_negative_attendance_is_refused()
    {
        var ex = ThenRefused(() => FoundingDecisions.RecordInfoEvening(Given(FoundedUpTo(FoundingStep.ConsultationHeld)), new RecordInfoEvening(Id, Today, -1, null), Now));

        Assert.Equal("attendance", ex.Field);
    }

    [Fact]
    public void A_step_dated_in_the_future_is_refused()
    {
        var ex = ThenRefused(() => FoundingDecisions.RecordConsultation(Given(FoundedUpTo(FoundingStep.IdeaRegistered)), new RecordConsultation(Id, Today.AddDays(10), null), Now));

        Assert.Equal("heldOn", ex.Field);
    }

    [Theory]
    [InlineData("agreements")]
    [InlineData("partnerTasks")]
    [InlineData("contactDetails")]
    [InlineData("financingPlan")]
    [InlineData("communicationPlan")]
    public void A_charter_without_one_of_its_five_parts_is_refused_naming_it(string part)
    {
        var c = ACharter();
        var charter = part switch
        {
            "agreements" => c with { Agreements = " " },
            "partnerTasks" => c with { PartnerTasks = "" },
            "contactDetails" => c with { ContactDetails = "" },
            "financingPlan" => c with { FinancingPlan = "" },
            _ => c with { CommunicationPlan = "" },
        };

        var ex = ThenRefused(() => FoundingDecisions.DrawUpCharter(Given(FoundedUpTo(FoundingStep.InfoEveningHeld)), new DrawUpCharter(Id, charter), Now));

        Assert.Equal(part, ex.Field);
    }

    [Fact]
    public void The_first_charter_is_version_1_and_keeps_the_contact_details_out_of_the_event()
    {
        var e = FoundingDecisions.DrawUpCharter(Given(FoundedUpTo(FoundingStep.InfoEveningHeld)), new DrawUpCharter(Id, ACharter()), Now);

        Assert.Equal(1, e.Version);
        Assert.False(e.ToReportToFod);
        Assert.DoesNotContain(typeof(CharterDrawnUp).GetProperties(), p => p.Name.Contains("Contact"));
    }

    [Fact]
    public void A_new_draft_before_recognition_replaces_the_signed_one_and_must_be_signed_again()
    {
        var history = FoundedUpTo(FoundingStep.CharterSigned);

        var v2 = FoundingDecisions.DrawUpCharter(Given(history), new DrawUpCharter(Id, ACharter("Nieuwe afspraken.")), Now);
        var state = Given([.. history, v2])!;

        Assert.Equal(2, v2.Version);
        Assert.False(v2.ToReportToFod);
        Assert.Equal(FoundingStep.CharterDrawnUp, state.Reached);
        var ex = ThenRefused(() => When(FoundingStep.Recognised, state));
        Assert.Contains("the signing of the charter has not been recorded yet", ex.Message);
        var signOld = ThenRefused(() => FoundingDecisions.SignCharter(state, new SignCharter(Id, 1, AllFour, Today), Now));
        Assert.Equal("charterVersion", signOld.Field);
        Assert.Equal(2, FoundingDecisions.SignCharter(state, new SignCharter(Id, 2, AllFour, Today), Now).CharterVersion);
    }

    [Theory]
    [InlineData(CharterSignatory.Mayor, "the mayor")]
    [InlineData(CharterSignatory.ChiefOfPolice, "the chief of police")]
    [InlineData(CharterSignatory.MandatedOfficer, "the mandated police officer")]
    [InlineData(CharterSignatory.Coordinator, "the BIN coordinator")]
    public void A_charter_is_signed_only_by_all_four(CharterSignatory absent, string named)
    {
        var signedBy = AllFour.Where(s => s != absent).ToList();

        var ex = ThenRefused(() => FoundingDecisions.SignCharter(Given(FoundedUpTo(FoundingStep.CharterDrawnUp)), new SignCharter(Id, 1, signedBy, Today), Now));

        Assert.Equal("signedBy", ex.Field);
        Assert.EndsWith($"missing: {named}.", ex.Message);
    }

    [Fact]
    public void Recognition_needs_the_FOD_reference()
    {
        var ex = ThenRefused(() => FoundingDecisions.Recognise(Given(FoundedUpTo(FoundingStep.CharterSigned)), new RecogniseNetwork(Id, " ", Today), Now));

        Assert.Equal("fodReference", ex.Field);
    }

    [Fact]
    public void Recognition_records_the_reference_and_date()
    {
        var e = FoundingDecisions.Recognise(Given(FoundedUpTo(FoundingStep.CharterSigned)), new RecogniseNetwork(Id, " BIN/2026/0412 ", Today.AddDays(-2)), Now);

        Assert.Equal(new NetworkRecognised(Id, "BIN/2026/0412", Today.AddDays(-2), Now), e);
    }

    [Theory]
    [InlineData(FoundingStep.Recognised)]
    [InlineData(FoundingStep.Activated)]
    public void A_charter_change_after_recognition_is_a_new_version_to_report_to_the_FOD(FoundingStep reached)
    {
        var history = FoundedUpTo(reached);

        var v2 = FoundingDecisions.DrawUpCharter(Given(history), new DrawUpCharter(Id, ACharter("Gewijzigde afspraken.")), Now);
        var state = Given([.. history, v2])!;

        Assert.Equal(2, v2.Version);
        Assert.True(v2.ToReportToFod);
        Assert.Equal([2], state.CharterVersionsToReport);
        Assert.Equal(reached, state.Reached);
    }

    [Fact]
    public void A_running_network_without_a_recorded_charter_gets_version_1_flagged_to_report()
    {
        var v1 = FoundingDecisions.DrawUpCharter(Given(RunningBeforeTheDashboard()), new DrawUpCharter(Id, ACharter()), Now);

        Assert.Equal(1, v1.Version);
        Assert.True(v1.ToReportToFod);
    }

    [Fact]
    public void Reporting_a_charter_change_clears_the_flag()
    {
        var history = (object[])[.. FoundedUpTo(FoundingStep.Activated), CharterDrawnUp(2, toReport: true)];

        var reported = FoundingDecisions.ReportCharterChange(Given(history), new ReportCharterChange(Id, 2, Today), Now);

        Assert.Equal(new CharterChangeReported(Id, 2, Today, Now), reported);
        Assert.Empty(Given([.. history, reported])!.CharterVersionsToReport);
    }

    [Fact]
    public void Reporting_a_version_that_is_not_waiting_is_refused()
    {
        var ex = ThenRefused(() => FoundingDecisions.ReportCharterChange(Given(FoundedUpTo(FoundingStep.Activated)), new ReportCharterChange(Id, 1, Today), Now));

        Assert.Equal("charterVersion", ex.Field);
        Assert.Contains("no charter change waiting", ex.Message);
    }

    [Fact]
    public void An_active_network_is_suspended_and_reactivated()
    {
        var history = FoundedUpTo(FoundingStep.Activated);

        var suspended = FoundingDecisions.Suspend(Given(history), new SuspendNetwork(Id, "Coördinator verhuisd."), Now);
        var reactivated = FoundingDecisions.Reactivate(Given([.. history, suspended]), new ReactivateNetwork(Id), Now);

        Assert.Equal(NetworkStatus.Suspended, Given([.. history, suspended])!.Status);
        Assert.Equal(NetworkStatus.Active, Given([.. history, suspended, reactivated])!.Status);
    }

    [Fact]
    public void Only_an_active_network_can_be_suspended()
    {
        var ex = ThenRefused(() => FoundingDecisions.Suspend(Given(FoundedUpTo(FoundingStep.ConsultationHeld)), new SuspendNetwork(Id, "Reden."), Now));

        Assert.Contains("Lindelaan is being founded", ex.Message);
    }

    [Fact]
    public void Only_a_suspended_network_can_be_reactivated()
    {
        var ex = ThenRefused(() => FoundingDecisions.Reactivate(Given(FoundedUpTo(FoundingStep.Activated)), new ReactivateNetwork(Id), Now));

        Assert.Contains("Lindelaan is active", ex.Message);
    }

    [Fact]
    public void Suspending_needs_a_reason()
    {
        Assert.Equal("reason", ThenRefused(() => FoundingDecisions.Suspend(Given(FoundedUpTo(FoundingStep.Activated)), new SuspendNetwork(Id, ""), Now)).Field);
    }

    [Fact]
    public void An_idea_that_goes_nowhere_can_be_dissolved_and_then_nothing_more_is_recorded()
    {
        var history = (object[])[.. FoundedUpTo(FoundingStep.IdeaRegistered), Dissolved()];
        var state = Given(history)!;

        Assert.Equal(NetworkStatus.Dissolved, state.Status);
        Assert.Contains("dissolved", ThenRefused(() => When(FoundingStep.ConsultationHeld, state)).Message);
        Assert.Contains("dissolved", ThenRefused(() => FoundingDecisions.Dissolve(state, new DissolveNetwork(Id, "Nogmaals."), Now)).Message);
        Assert.Contains("dissolved", ThenRefused(() => FoundingDecisions.AssignCoordinator(state, new AssignCoordinator(Id, "jan"), Now)).Message);
    }

    [Fact]
    public void A_suspended_network_can_be_dissolved()
    {
        var e = FoundingDecisions.Dissolve(Given([.. FoundedUpTo(FoundingStep.Activated), Suspended()]), new DissolveNetwork(Id, "Te weinig leden."), Now);

        Assert.Equal(new NetworkDissolved(Id, "Te weinig leden.", Now), e);
    }

    [Fact]
    public void Steps_on_an_unknown_network_are_refused()
    {
        Assert.Equal("networkId", ThenRefused(() => When(FoundingStep.IdeaRegistered, null)).Field);
    }

    [Fact]
    public void Interest_is_added_to_an_open_idea_but_not_to_a_recognised_network()
    {
        Assert.Equal(new FoundingInterestRegistered(Id, Now),
            FoundingDecisions.RegisterInterest(Given(FoundedUpTo(FoundingStep.ConsultationHeld)), new RegisterFoundingInterest(Id), Now));
        ThenRefused(() => FoundingDecisions.RegisterInterest(Given(FoundedUpTo(FoundingStep.Recognised)), new RegisterFoundingInterest(Id), Now));
    }
}
