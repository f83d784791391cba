using System.Globalization;

namespace Bin.LoadHarness;

/// <summary>
/// <c>--name value</c> (or <c>--name=value</c>) options of a scenario. A scenario reads the ones it knows and
/// then calls <see cref="RejectUnknown"/>, so a mistyped option fails instead of silently running the defaults.
/// </summary>
internal sealed class HarnessArgs
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = [];

    private HarnessArgs(Dictionary<string, string> values) => _values = values;

    public static HarnessArgs Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new ArgumentException($"Unexpected argument '{arg}': options are written --name value.");
            var equals = arg.IndexOf('=');
            var (name, value) = equals > 0
                ? (arg[2..equals], arg[(equals + 1)..])
                : (arg[2..], i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option --{arg[2..]} needs a value."));
            if (!values.TryAdd(name, value)) throw new ArgumentException($"Option --{name} is given twice.");
        }
        return new HarnessArgs(values);
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text)) return defaultValue;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"--{name} must be a whole number from {min} to {max}; got '{text}'.");
        return value;
    }

    public string Choice(string name, string defaultValue, params string[] allowed)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text)) return defaultValue;
        if (!allowed.Contains(text, StringComparer.Ordinal))
            throw new ArgumentException($"--{name} must be one of {string.Join(", ", allowed)}; got '{text}'.");
        return text;
    }

    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).Select(k => "--" + k).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.");
    }
}
