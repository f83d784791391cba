using System.Text.RegularExpressions;

namespace Bin.Domain.Tests.Messages;

public partial class KeyedRefusalsTests
{
    [Fact]
    public void The_domain_refuses_only_with_messages_from_its_catalogue()
    {
        var domain = SourceFolder("src/Bin.Domain");

        var literal = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(domain, f), Line: i + 1, Text: line)))
            .Where(l => LiteralRefusal().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        // A text typed into a throw is in one language only; a catalogue message is in nl, fr and en.
        Assert.Empty(literal);
    }

    private static string SourceFolder(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"DomainException\(\s*\$?@?""")]
    private static partial Regex LiteralRefusal();
}
