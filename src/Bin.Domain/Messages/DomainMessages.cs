namespace Bin.Domain;

/// <summary>
/// Everything the domain says to a user when it refuses, in nl, fr and en side by side (one file per area). Keys are
/// stable (<c>area.rule</c>); a test fails when a text is missing in a language or the languages disagree on the
/// placeholders.
/// </summary>
public static partial class DomainMessages
{
    private static DomainMessage M(string key, string nl, string fr, string en) => new(key, nl, fr, en);

    public static readonly DomainMessage ConcurrentChange = M("concurrent.change",
        "Iemand anders wijzigde {0} op hetzelfde moment; laad opnieuw en probeer nog eens.",
        "Quelqu'un d'autre a modifié {0} au même moment ; rechargez et réessayez.",
        "Someone else changed {0} at the same moment; reload and try again.");

    public static readonly DomainMessage ConcurrentIncident = M("concurrent.incident", "deze melding", "cet incident", "this incident");
    public static readonly DomainMessage ConcurrentNetwork = M("concurrent.network", "dit netwerk", "ce réseau", "this network");
    public static readonly DomainMessage ConcurrentMember = M("concurrent.member", "dit lid", "ce membre", "this member");
    public static readonly DomainMessage ConcurrentFeedback = M("concurrent.feedback", "deze terugkoppeling", "ce retour d'information", "this feedback");
    public static readonly DomainMessage ConcurrentAlert = M("concurrent.alert", "deze alarmering", "cette alerte", "this alert");
    public static readonly DomainMessage ConcurrentAccount = M("concurrent.account", "deze account", "ce compte", "this account");
    public static readonly DomainMessage ConcurrentOther = M("concurrent.other", "dit", "ceci", "this");

    /// <summary>"this incident", "this network", … for <see cref="ConcurrentChange"/>; a plain "this" for any other subject.</summary>
    public static DomainText ConcurrentSubject(string subject) => subject.ToLowerInvariant() switch
    {
        "incident" => ConcurrentIncident,
        "network" => ConcurrentNetwork,
        "member" => ConcurrentMember,
        "feedback" => ConcurrentFeedback,
        "alert" => ConcurrentAlert,
        "account" => ConcurrentAccount,
        _ => ConcurrentOther,
    };

    /// <summary>Several reasons as one message: each a sentence of its own, in the reader's language.</summary>
    public static readonly DomainMessage Sentences = M("sentences", "{0}", "{0}", "{0}");
}
