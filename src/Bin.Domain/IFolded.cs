namespace Bin.Domain;

/// <summary>
/// The state a stream's decisions need, folded from the stream's events oldest first. The dashboard's command
/// pipeline loads a stream through <see cref="Fold"/>, and so do the tests and the demo history: one fold per
/// aggregate, here beside its decisions.
/// </summary>
public interface IFolded<TSelf> where TSelf : class, IFolded<TSelf>
{
    /// <summary>Null for a stream that does not (yet) hold what starts the aggregate.</summary>
    static abstract TSelf? Fold(IEnumerable<object> events);

    /// <summary>What a stream of this kind is about ("incident"), for the message of a concurrent change.</summary>
    static abstract string Subject { get; }
}
