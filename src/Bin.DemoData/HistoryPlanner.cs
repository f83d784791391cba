using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Members;
using Bin.Domain;
using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using Bin.Domain.Members;
using Bin.Domain.Sms;
using Bin.Domain.Tips;
using NetTopologySuite.Geometries;

namespace Bin.DemoData;

/// <summary>Which aggregate a planned event starts, if it is the first of its stream.</summary>
public enum StreamStart { None, Incident, Alert, Member, Feedback }

/// <summary>One event of the plan: when, on which stream, by whom.</summary>
public sealed record PlannedEvent(DateTimeOffset At, Guid StreamId, object Data, string User, StreamStart Starts = StreamStart.None);

/// <summary>A network as the planner needs it.</summary>
public sealed record PlanNetwork(Guid Id, string Name, Polygon Boundary);

/// <summary>A member as the planner needs it. <see cref="AppendableAfter"/>: the time of the member's last event, after
/// which the plan may add events to their stream (MaxValue: their stream has later events; they only receive SMS).</summary>
public sealed record PlanMember(Guid Id, IReadOnlyList<Guid> NetworkIds, Language Language, string? Phone, DateTimeOffset RegisteredAt,
    DateTimeOffset? LeftAt, DateTimeOffset AppendableAfter);

/// <summary>What a run writes: events in time order, outbox rows, new members' contact records, and counts.</summary>
public sealed class HistoryPlan
{
    public List<PlannedEvent> Events { get; } = [];
    public List<PastMessages.PastMessage> Messages { get; } = [];
    public List<MemberContact> Contacts { get; } = [];
    public int Incidents { get; set; }
    public int Alerts { get; set; }
    public int Acknowledgements { get; set; }
    public int Replies { get; set; }
    public int Joiners { get; set; }
    public int OptOuts { get; set; }
    public int Reminders { get; set; }
    public int FeedbackSent { get; set; }
}

/// <summary>
/// Plans a realistic history through the real decisions: incidents by category, season, weekday and hour of day
/// (<see cref="IncidentDecisions"/>), their verification, correction and closing; alerts to the networks that
/// contain them with a library tip (<see cref="AlertDecisions"/>, including its refusals: no members, an officer's
/// hourly limit); one SMS per recipient with its delivery; acknowledgements, replies and STOPs as members would
/// text them (<see cref="InboundText"/> decides what a text means, <see cref="MemberDecisions"/> the opt-out); reminders
/// to those who did not answer and feedback after the incident closed (<see cref="ReminderDecisions"/>,
/// <see cref="FeedbackDecisions"/>); new members at monthly info evenings (<see cref="MemberDecisions.Register"/>).
/// Deterministic for a profile and a starting registry. Nothing after <see cref="HistoryProfile.End"/> happens, except
/// feedback already scheduled for later, which the dashboard then sends itself.
/// </summary>
public sealed class HistoryPlanner
{
    private static readonly TimeSpan SendInterval = TimeSpan.FromMilliseconds(100); // the gateway's 10 messages a second

    private readonly HistoryProfile _profile;
    private readonly IReadOnlyList<PlanNetwork> _networks;
    private readonly NetworkResolver _resolver;
    private readonly ServiceArea _area;
    private readonly TimeSpan _ackWindow;
    private readonly int _maxAlertsPerOfficerPerHour;
    private readonly Random _random;
    private readonly List<MemberRecord> _members;
    private readonly Queue<string> _freePhones;
    private readonly Dictionary<string, List<DateTimeOffset>> _alertsByOfficer = [];
    private readonly HistoryPlan _plan = new();

    public HistoryPlanner(HistoryProfile profile, IReadOnlyList<PlanNetwork> networks, IReadOnlyList<PlanMember> members, IEnumerable<string> takenPhones,
        ServiceArea area, TimeSpan acknowledgementWindow, int maxAlertsPerOfficerPerHour)
    {
        profile.Validate();
        _profile = profile;
        _networks = networks;
        _resolver = new NetworkResolver(networks.Select(n => new NetworkBoundary(n.Id, n.Boundary)));
        _area = area;
        _ackWindow = acknowledgementWindow;
        _maxAlertsPerOfficerPerHour = maxAlertsPerOfficerPerHour;
        _random = new Random(profile.Seed);
        _members = members.OrderBy(m => m.Id).Select(m => new MemberRecord(m, Engagement(m))).ToList();
        var taken = takenPhones.ToHashSet();
        // New members get demo numbers from the upper half of the simulator-only block (the seed uses the lower).
        _freePhones = new Queue<string>(Enumerable.Range(5_000, 5_000).Select(i => $"{MemberSeed.DemoBlock}{i:0000}").Where(p => !taken.Contains(p)));
    }

    public HistoryPlan Plan()
    {
        PlanJoiners();
        foreach (var incident in PlanIncidentTimes().OrderBy(i => i.At))
            PlanIncident(incident.At, incident.Category);
        // Events of one stream must be appended in time order; the writer goes through them in this order.
        var ordered = _plan.Events.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e).ToList();
        _plan.Events.Clear();
        _plan.Events.AddRange(ordered);
        return _plan;
    }

    // ---- members -------------------------------------------------------------------------------------------

    /// <summary>Each network holds an info evening a month; a few residents sign the paper form and join.</summary>
    private void PlanJoiners()
    {
        if (_profile.JoinersPerNetworkPerMonth <= 0) return;
        foreach (var network in _networks.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            for (var month = _profile.Start; month < _profile.End; month = month.AddDays(30))
            {
                var evening = new DateTimeOffset(month.UtcDateTime.Date.AddDays(_random.Next(0, 30)).AddHours(18.5), TimeSpan.Zero);
                var count = Poisson(_profile.JoinersPerNetworkPerMonth);
                for (var i = 0; i < count; i++)
                {
                    var at = evening.AddMinutes(20 + _random.Next(90));
                    if (at < _profile.Start || at >= _profile.End || _freePhones.Count == 0) continue;
                    var id = NewId();
                    var language = MemberSeed.PickLanguage(_random, holidayPark: network.Name == "Parelstrand");
                    var registered = MemberDecisions.Register(null,
                        new RegisterMember(id, [network.Id], language.Code(), at, "papieren formulier op infoavond"), at);
                    var phone = _freePhones.Dequeue();
                    _plan.Contacts.Add(new MemberContact { Id = id, Name = MemberSeed.PickName(_random, language), Phone = phone });
                    _plan.Events.Add(new PlannedEvent(at, id, registered, HistoryWords.Officers[0], StreamStart.Member));
                    var member = new PlanMember(id, [network.Id], language, phone, at, null, at);
                    _members.Add(new MemberRecord(member, Engagement(member)));
                    _plan.Joiners++;
                }
            }
        }
    }

    private double Engagement(PlanMember member)
    {
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.15 => 0,      // never answers
            < 0.40 => 0.95,   // always answers
            _ => 0.45 + _random.NextDouble() * 0.45,
        };
    }

    /// <summary>Active members of <paramref name="networkIds"/> at <paramref name="at"/>, each once, in the first of the
    /// networks (in the alert's order) they belong to — as the member directory answers for a live alert.</summary>
    private List<(MemberRecord Member, Guid NetworkId)> Recipients(IReadOnlyList<Guid> networkIds, DateTimeOffset at)
    {
        var recipients = new List<(MemberRecord, Guid)>();
        foreach (var member in _members)
        {
            var m = member.Member;
            if (m.Phone is null || m.RegisteredAt > at || (member.LeftAt ?? m.LeftAt) is { } left && left <= at) continue;
            foreach (var network in networkIds)
            {
                if (!m.NetworkIds.Contains(network)) continue;
                recipients.Add((member, network));
                break;
            }
        }
        return recipients;
    }

    // ---- incidents ------------------------------------------------------------------------------------------

    private IEnumerable<(DateTimeOffset At, string Category)> PlanIncidentTimes()
    {
        for (var day = _profile.Start.UtcDateTime.Date; day < _profile.End.UtcDateTime; day = day.AddDays(1))
        {
            var winter = day.Month is 11 or 12 or 1 or 2;
            var summer = day.Month is 6 or 7 or 8;
            var weekend = day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday;
            var count = Poisson(_profile.IncidentsPerDay * (weekend ? 1.15 : 0.95));
            for (var i = 0; i < count; i++)
            {
                var category = PickCategory(winter, summer);
                var hour = Pick(HourProfile(category, weekend));
                var at = new DateTimeOffset(day.AddHours(hour).AddSeconds(_random.Next(3_600)), TimeSpan.Zero);
                if (at >= _profile.Start && at < _profile.End) yield return (at, category);
            }
        }
    }

    private string PickCategory(bool winter, bool summer)
    {
        // Burglary peaks in the dark months, vandalism and fires in summer, CO with the heating on.
        (string Id, double Weight)[] weights =
        [
            ("burglary", winter ? 26 : summer ? 12 : 18), ("suspicious-person", 22), ("suspicious-vehicle", 18), ("theft", summer ? 19 : 15),
            ("vandalism", summer ? 15 : 10), ("fire", summer ? 6 : 3), ("co", winter ? 4 : 0.7), ("other", 8),
        ];
        return weights[Pick(weights.Select(w => w.Weight).ToArray())].Id;
    }

    private static double[] HourProfile(string category, bool weekend) => category switch
    {
        //                       0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
        "burglary" =>          [ 5, 5, 4, 4, 3, 2, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 5, 7, 9, 9, 8, 7, 6, 6],
        "suspicious-person" => [ 3, 2, 2, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5, 6, 7, 8, 8, 8, 6, 4],
        "suspicious-vehicle" =>[ 6, 5, 5, 4, 3, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 8, 7],
        "theft" =>             [ 1, 1, 1, 0, 0, 1, 2, 4, 6, 7, 8, 9, 9, 9, 9, 9, 9, 8, 7, 5, 4, 3, 2, 1],
        "vandalism" when weekend => [ 9, 9, 8, 6, 3, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5, 7, 9, 9],
        "vandalism" =>         [ 6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 6, 6],
        "fire" =>              [ 2, 2, 2, 2, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2],
        "co" =>                [ 2, 1, 1, 1, 1, 2, 5, 7, 6, 3, 2, 2, 2, 2, 2, 2, 3, 5, 7, 8, 7, 6, 4, 3],
        _ =>                   [ 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 3, 2, 2],
    };

    private static readonly Dictionary<string, double> AlertShare = new()
    {
        ["burglary"] = 0.45, ["suspicious-person"] = 0.32, ["suspicious-vehicle"] = 0.30, ["theft"] = 0.10,
        ["vandalism"] = 0.06, ["fire"] = 0.15, ["co"] = 0.12, ["other"] = 0.03,
    };

    private void PlanIncident(DateTimeOffset reportedAt, string category)
    {
        var id = NewId();
        var (lat, lon) = Location(reportedAt);
        var descriptions = HistoryWords.Descriptions[category];
        var reporter = _random.Next(100) switch { < 45 => ReporterKind.Member, < 80 => ReporterKind.Other, _ => ReporterKind.Patrol };
        var reported = IncidentDecisions.Report(null, new ReportIncident(id, lat, lon, category, descriptions[_random.Next(descriptions.Length)], reporter),
            _area, _resolver.Containing(lat, lon), reportedAt);
        var state = Incident.Create(reported);
        Add(reportedAt, id, reported, HistoryWords.Dispatchers[_random.Next(HistoryWords.Dispatchers.Count)], StreamStart.Incident);
        _plan.Incidents++;
        var officer = HistoryWords.Officers[_random.Next(HistoryWords.Officers.Count)];
        var at = reportedAt;

        // Now and then the dispatcher corrects the location (the caller gave the neighbour's address).
        if (_random.NextDouble() < 0.04)
        {
            at = at.AddMinutes(2 + _random.Next(8));
            if (at >= _profile.End) return;
            var (lat2, lon2) = (lat + (_random.NextDouble() - 0.5) * 0.002, lon + (_random.NextDouble() - 0.5) * 0.003);
            var updated = IncidentDecisions.Update(state, new UpdateIncident(id, lat2, lon2, category, state.Description), _area, _resolver.Containing(lat2, lon2), at);
            state = state.Apply(updated);
            Add(at, id, updated, HistoryWords.Dispatchers[0]);
        }

        var verified = _random.NextDouble() < 0.85;
        if (verified)
        {
            at = at.AddMinutes(3 + _random.Next(22));
            if (at >= _profile.End) return;
            var verification = IncidentDecisions.Verify(state, new VerifyIncident(id), at);
            state = state.Apply(verification);
            Add(at, id, verification, officer);
        }

        AlertPlan? alert = null;
        if (verified && state.NetworkIds.Count > 0 && _random.NextDouble() < AlertShare[category])
        {
            var alertAt = at.AddMinutes(1 + _random.Next(11)).AddSeconds(_random.Next(60));
            if (alertAt >= _profile.End) return;
            alert = PlanAlert(state, alertAt, ref officer);
            if (alert is not null) at = alertAt;
        }

        at = at.AddMinutes(alert is not null ? 30 + _random.Next(210) : verified ? 15 + _random.Next(165) : 10 + _random.Next(50));
        var outcome = PickOutcome(category, verified);
        if (at < _profile.End)
        {
            var closed = IncidentDecisions.Close(state, new CloseIncident(id, outcome, null), at);
            Add(at, id, closed, officer);
        }
        if (alert is not null) PlanFeedback(alert, at < _profile.End ? at : null, outcome, officer);
    }

    private IncidentOutcome PickOutcome(string category, bool verified)
    {
        if (!verified) return _random.Next(3) == 0 ? IncidentOutcome.FalseAlarm : IncidentOutcome.NothingFound;
        if (category is "fire" or "co") return _random.Next(4) == 0 ? IncidentOutcome.Resolved : IncidentOutcome.HandedOver;
        return _random.Next(100) switch
        {
            < 12 => IncidentOutcome.SuspectCaught,
            < 55 => IncidentOutcome.NothingFound,
            < 62 => IncidentOutcome.FalseAlarm,
            < 70 => IncidentOutcome.HandedOver,
            _ => IncidentOutcome.Resolved,
        };
    }

    private static readonly Dictionary<string, double> NetworkWeights = new()
    {
        ["Kerkplein"] = 1.4, ["Slachthuis"] = 1.0, ["Servaesdreef"] = 1.1, ["Molle Hoeven"] = 0.8, ["West Kei"] = 1.0, ["Leuken"] = 0.9, ["Parelstrand"] = 1.1,
    };

    /// <summary>Three in four incidents lie in a network (the holiday park busier in summer), the rest elsewhere in town.</summary>
    private (double Lat, double Lon) Location(DateTimeOffset at)
    {
        if (_networks.Count > 0 && _random.NextDouble() < 0.75)
        {
            var summer = at.Month is 6 or 7 or 8;
            var weights = _networks.Select(n => NetworkWeights.GetValueOrDefault(n.Name, 1.0) * (summer && n.Name == "Parelstrand" ? 2 : 1)).ToArray();
            var network = _networks[Pick(weights)];
            var envelope = network.Boundary.EnvelopeInternal;
            for (var attempt = 0; attempt < 60; attempt++)
            {
                var lat = envelope.MinY + _random.NextDouble() * envelope.Height;
                var lon = envelope.MinX + _random.NextDouble() * envelope.Width;
                if (_resolver.Containing(lat, lon).Contains(network.Id)) return (lat, lon);
            }
        }
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var (lat, lon) = (_area.CentreLatitude + (_random.NextDouble() - 0.5) * 0.08, _area.CentreLongitude + (_random.NextDouble() - 0.5) * 0.12);
            if (_area.Contains(lat, lon) && _resolver.Containing(lat, lon).Count == 0) return (lat, lon);
        }
        return (_area.CentreLatitude, _area.CentreLongitude);
    }

    // ---- alerts ---------------------------------------------------------------------------------------------

    /// <summary>An issued alert and what became of each tip.</summary>
    private sealed record AlertPlan(AlertIssued Issued, List<(MemberRecord Member, Guid NetworkId, bool Delivered, DateTimeOffset? AckedAt)> Tips);

    private AlertPlan? PlanAlert(Incident incident, DateTimeOffset at, ref string officer)
    {
        var networks = incident.NetworkIds.ToList();
        // Now and then the officer adds the neighbouring network: a suspect on the move.
        if (_random.NextDouble() < 0.12 && _networks.Count > 1)
        {
            var near = _resolver.Within(incident.Latitude, incident.Longitude, 1_500).Select(d => d.NetworkId).FirstOrDefault(n => !networks.Contains(n));
            if (near != Guid.Empty) networks.Add(near);
        }
        var recipients = Recipients(networks, at);
        var tips = TipLibrary.ForCategory(incident.Category);
        var tip = tips.Count > 0 && _random.NextDouble() < 0.92 ? tips[_random.Next(tips.Count)].Id : null;
        var ownText = tip is null ? $"Politie Lommel - BIN: {incident.Description}. Blijf alert en bel 101 bij verdachte situaties. Antwoord OK als u dit gelezen hebt." : null;
        var alertId = NewId();
        AlertIssued issued;
        try
        {
            issued = AlertDecisions.Issue(Context(incident, recipients, officer, at), new IssueAlert(alertId, incident.Id, networks, tip, ownText), at);
        }
        catch (DomainException ex) when (ex.Field == "rate")
        {
            // This officer reached the hourly limit: a colleague sends it.
            var busy = officer;
            officer = HistoryWords.Officers.First(o => o != busy);
            try
            {
                issued = AlertDecisions.Issue(Context(incident, recipients, officer, at), new IssueAlert(alertId, incident.Id, networks, tip, ownText), at);
            }
            catch (DomainException)
            {
                return null;
            }
        }
        catch (DomainException)
        {
            return null; // e.g. no active members yet in the network
        }

        Add(at, alertId, issued, officer, StreamStart.Alert);
        _alertsByOfficer.TryAdd(officer, []);
        _alertsByOfficer[officer].Add(at);
        _plan.Alerts++;
        var plan = new AlertPlan(issued, PlanMessages(issued, recipients, at));
        // One alert in five asks for a reminder to who has not answered half an hour later.
        if (_random.NextDouble() < 0.2 && ReminderDecisions.Schedule(alertId, 30, at) is { } reminder && reminder.SendAt < _profile.End)
        {
            Add(at, alertId, reminder, officer);
            PlanReminder(plan, reminder);
        }
        return plan;
    }

    private void PlanReminder(AlertPlan alert, ReminderScheduled scheduled)
    {
        var at = scheduled.SendAt;
        var due = alert.Tips.Where(t => t.Delivered && (t.AckedAt is null || t.AckedAt > at) && (t.Member.LeftAt ?? DateTimeOffset.MaxValue) > at).ToList();
        var sent = ReminderDecisions.Send(new ReminderState(scheduled.AlertId, scheduled.SendAt, null), due.Count, at)!;
        Add(at, scheduled.AlertId, sent, "scheduler");
        _plan.Reminders++;
        PlanFollowUpMessages(alert.Issued.AlertId, MessageKind.Reminder, alert.Issued.Texts, due.Select(t => (t.Member, t.NetworkId)).ToList(), at);
    }

    private static readonly Dictionary<IncidentOutcome, string> FeedbackTemplateFor = new()
    {
        [IncidentOutcome.SuspectCaught] = "feedback-suspect-caught",
        [IncidentOutcome.NothingFound] = "feedback-nothing-found",
        [IncidentOutcome.FalseAlarm] = "feedback-false-alarm",
        [IncidentOutcome.HandedOver] = "feedback-all-clear",
        [IncidentOutcome.Resolved] = "feedback-all-clear",
    };

    /// <summary>Most alerts get feedback, scheduled soon after the alert: usually a while after the incident closes,
    /// sometimes the next morning; some get none (the watchdog's overdue list).</summary>
    private void PlanFeedback(AlertPlan alert, DateTimeOffset? closedAt, IncidentOutcome outcome, string officer)
    {
        var roll = _random.NextDouble();
        if (roll >= 0.88) return;
        var issued = alert.Issued;
        var scheduledAt = issued.IssuedAt.AddMinutes(3 + _random.Next(20));
        if (closedAt is { } closed && scheduledAt >= closed) scheduledAt = closed.AddMinutes(-1);
        if (scheduledAt >= _profile.End) return;
        var feedbackId = NewId();
        var nextMorning = new DateTimeOffset(issued.IssuedAt.UtcDateTime.Date.AddDays(1).AddHours(8 + _random.Next(6)), TimeSpan.Zero);
        var command = roll < 0.76
            ? new ScheduleFeedback(feedbackId, issued.AlertId, FeedbackTemplateFor[outcome], null, null, 15 * (1 + _random.Next(4)))
            : new ScheduleFeedback(feedbackId, issued.AlertId, "feedback-all-clear", null, nextMorning, null);
        var scheduled = FeedbackDecisions.Schedule(null, new FeedbackAlert(issued.AlertId, issued.IncidentId, issued.IssuedAt, null), command, scheduledAt);
        Add(scheduledAt, feedbackId, scheduled, officer, StreamStart.Feedback);
        var state = FeedbackState.Create(scheduled);
        if (state.DueAt(closedAt) is not { } due || due >= _profile.End) return; // still to come: the dashboard sends it
        var recipients = alert.Tips.Where(t => (t.Member.LeftAt ?? DateTimeOffset.MaxValue) > due).Select(t => (t.Member, t.NetworkId)).ToList();
        var sent = FeedbackDecisions.Send(state, closedAt, recipients.Count, due)!;
        Add(due, feedbackId, sent, "scheduler");
        _plan.FeedbackSent++;
        PlanFollowUpMessages(issued.AlertId, MessageKind.Feedback, scheduled.Texts, recipients, due);
    }

    /// <summary>Reminders and feedback: one SMS per member at the gateway's pace, delivered as tips are.</summary>
    private void PlanFollowUpMessages(Guid alertId, MessageKind kind, IReadOnlyDictionary<string, string> texts, List<(MemberRecord Member, Guid NetworkId)> recipients, DateTimeOffset at)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            var (member, networkId) = recipients[i];
            var language = member.Member.Language.Code();
            var body = texts.GetValueOrDefault(language) ?? texts[Languages.Default.Code()];
            var message = new OutboxMessage(NewId(), alertId, member.Member.Id, networkId, kind, language, member.Member.Phone!, body, SmsEncoding.Analyze(body).Segments);
            var sentAt = at + SendInterval * (i + 2);
            _plan.Messages.Add(member.Member.Phone!.EndsWith("99", StringComparison.Ordinal)
                ? new(message, MessageStatus.Failed, 1, at, sentAt, null, Cap(sentAt.AddSeconds(5)), null, "30003 Unreachable destination handset")
                : Cap(sentAt.AddSeconds(2 + _random.Next(18))) is { } delivered
                    ? new(message, MessageStatus.Delivered, 1, at, sentAt, delivered, null, null, null)
                    : new(message, MessageStatus.Sent, 1, at, sentAt, null, null, null, null));
        }
    }

    private AlertContext Context(Incident incident, List<(MemberRecord Member, Guid NetworkId)> recipients, string officer, DateTimeOffset at) => new(
        incident,
        _networks.Select(n => n.Id).ToHashSet(),
        recipients.GroupBy(r => r.NetworkId).ToDictionary(g => g.Key, g => g.Count()),
        _alertsByOfficer.TryGetValue(officer, out var sent) ? sent.Count(t => t > at.AddHours(-1)) : 0,
        _maxAlertsPerOfficerPerHour);

    /// <summary>One SMS per recipient at the gateway's pace; what each member then does, as they would text it.</summary>
    private List<(MemberRecord Member, Guid NetworkId, bool Delivered, DateTimeOffset? AckedAt)> PlanMessages(
        AlertIssued alert, List<(MemberRecord Member, Guid NetworkId)> recipients, DateTimeOffset at)
    {
        var tips = new List<(MemberRecord, Guid, bool, DateTimeOffset?)>(recipients.Count);
        var segments = alert.Texts.ToDictionary(t => t.Key, t => SmsEncoding.Analyze(t.Value).Segments);
        var categoryPull = _random.NextDouble() * 0.2 - 0.1; // some alerts catch on more than others
        for (var i = 0; i < recipients.Count; i++)
        {
            var (member, networkId) = recipients[i];
            var language = member.Member.Language.Code();
            var body = alert.Texts[language];
            var message = new OutboxMessage(NewId(), alert.AlertId, member.Member.Id, networkId, MessageKind.Tip, language, member.Member.Phone!, body, segments[language]);
            var sentAt = at + SendInterval * (i + 2);
            if (member.Member.Phone!.EndsWith("99", StringComparison.Ordinal))
            {
                // The simulator's unreachable numbers: Twilio reports them undelivered.
                _plan.Messages.Add(new(message, MessageStatus.Failed, 1, at, sentAt, null, Cap(sentAt.AddSeconds(4 + _random.Next(20))),
                    null, "30003 Unreachable destination handset"));
                tips.Add((member, networkId, false, null));
                continue;
            }
            DateTimeOffset? deliveredAt = _random.NextDouble() < 0.985 ? Cap(sentAt.AddSeconds(2 + _random.Next(18))) : null;
            DateTimeOffset? ackedAt = null;
            // Events may join the member's stream only after the events it already holds (the plan sorts its own).
            var canAnswer = deliveredAt is not null && member.Member.AppendableAfter < at && member.LeftAt is null;
            if (canAnswer && _random.NextDouble() < 0.0004 && member.Member.NetworkIds.Count > 0)
            {
                PlanOptOut(member, deliveredAt!.Value.AddMinutes(1 + _random.Next(30)));
            }
            else if (canAnswer)
            {
                if (_random.NextDouble() < Math.Clamp(member.Engagement + categoryPull, 0, 1))
                {
                    var when = deliveredAt!.Value + AcknowledgementDelay();
                    var text = HistoryWords.AcknowledgementWord(member.Member.Language, _random);
                    if (when < _profile.End && InboundText.Classify(text).Intent == InboundIntent.Acknowledge)
                    {
                        Add(when, member.Member.Id, new TipAcknowledged(member.Member.Id, alert.AlertId, alert.IncidentId, networkId, message.MessageId, when), "sms");
                        ackedAt = when;
                        _plan.Acknowledgements++;
                    }
                }
                if (_random.NextDouble() < 0.03)
                {
                    var when = deliveredAt!.Value.AddMinutes(2 + _random.Next(45)).AddSeconds(_random.Next(60));
                    var text = HistoryWords.Reply(member.Member.Language, _random);
                    if (when < _profile.End && InboundText.Classify(text) is { Intent: InboundIntent.Reply } reply)
                    {
                        Add(when, member.Member.Id, new ReplyReceived(member.Member.Id, alert.AlertId, alert.IncidentId, networkId, reply.Text, when), "sms");
                        _plan.Replies++;
                    }
                }
            }
            _plan.Messages.Add(new(message, deliveredAt is null ? MessageStatus.Sent : MessageStatus.Delivered, 1, at, sentAt, deliveredAt, null, ackedAt, null));
            tips.Add((member, networkId, deliveredAt is not null, ackedAt));
        }
        return tips;
    }

    /// <summary>Most answer within minutes of the SMS, some hours later; none after the acknowledgement window.</summary>
    private TimeSpan AcknowledgementDelay()
    {
        // Log-normal around a median of four minutes.
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        var minutes = Math.Min(4 * Math.Exp(1.1 * normal), _ackWindow.TotalMinutes - 5);
        // Whole milliseconds: PostgreSQL keeps microseconds, and the event's time must equal its timestamp exactly.
        return TimeSpan.FromTicks((long)Math.Round(Math.Max(15, minutes * 60) * 1_000) * TimeSpan.TicksPerMillisecond);
    }

    private void PlanOptOut(MemberRecord member, DateTimeOffset at)
    {
        if (at >= _profile.End || InboundText.Classify("STOP").Intent != InboundIntent.OptOut) return;
        var state = new Member(member.Member.Id, member.Member.NetworkIds, member.Member.Language, MemberStatus.Active, member.Member.RegisteredAt, "", member.Member.RegisteredAt);
        if (MemberDecisions.OptOut(state, new OptOutMember(member.Member.Id, "sms"), at) is not { } optedOut) return;
        Add(at, member.Member.Id, optedOut, "sms");
        member.LeftAt = at;
        _plan.OptOuts++;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void Add(DateTimeOffset at, Guid stream, object data, string user, StreamStart starts = StreamStart.None) =>
        _plan.Events.Add(new PlannedEvent(at, stream, data, user, starts));

    private DateTimeOffset? Cap(DateTimeOffset at) => at < _profile.End ? at : null;

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private int Pick(IReadOnlyList<double> weights)
    {
        var roll = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0) return i;
        }
        return weights.Count - 1;
    }

    private int Poisson(double mean)
    {
        // Knuth for small means, a rounded normal for large ones.
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble())));
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = _random.NextDouble(); p > limit; p *= _random.NextDouble()) k++;
        return k;
    }

    private sealed class MemberRecord(PlanMember member, double engagement)
    {
        public PlanMember Member { get; } = member;
        public double Engagement { get; } = engagement;
        public DateTimeOffset? LeftAt { get; set; }
    }
}
