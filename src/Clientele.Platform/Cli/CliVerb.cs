namespace Clientele.Platform.Cli;

/// <summary>A command-line verb of the server (<c>import banking ./dir</c>): runs instead of the web server, with the same services and database.</summary>
public sealed record CliVerb(string Name, string Usage, Func<IServiceProvider, CliArguments, CancellationToken, Task<int>> RunAsync);

/// <summary>The words after the verb's name, and its <c>--option value</c> pairs.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public CliArguments(IEnumerable<string> words)
    {
        var positional = new List<string>();
        using var e = words.GetEnumerator();
        while (e.MoveNext())
        {
            if (e.Current.StartsWith("--", StringComparison.Ordinal))
            {
                var name = e.Current[2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                _options[eq < 0 ? name : name[..eq]] = eq >= 0 ? name[(eq + 1)..] : e.MoveNext() ? e.Current : "";
            }
            else
            {
                positional.Add(e.Current);
            }
        }
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public string? Option(string name) => _options.GetValueOrDefault(name);
}
