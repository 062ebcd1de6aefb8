namespace Clientele.Platform.Cli;

/// <summary>A command-line verb of the server (<c>import banking ./dir</c>): runs instead of the web server, with the same services and database.</summary>
public sealed record CliVerb(string Name, string Usage, Func<IServiceProvider, CliArguments, CancellationToken, Task<int>> RunAsync)
{
    /// <summary>False for a verb that needs neither the database nor the host's services (it is run before the host is built, with no services).</summary>
    public bool NeedsHost { get; init; } = true;

    /// <summary>Options that take no value (<c>--closed</c>): the word after them stays a word of its own.</summary>
    public IReadOnlyCollection<string> Flags { get; init; } = [];
}

/// <summary>The words after the verb's name, and its <c>--option value</c> pairs. A word that starts with <c>--</c> is never an option's value.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public CliArguments(IEnumerable<string> words, IReadOnlyCollection<string>? flags = null)
    {
        var positional = new List<string>();
        var list = words.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = list[i][2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    _options[name[..eq]] = name[(eq + 1)..];
                }
                else if (flags?.Contains(name, StringComparer.OrdinalIgnoreCase) == true
                    || i + 1 == list.Count || list[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    _options[name] = "";
                }
                else
                {
                    _options[name] = list[++i];
                }
            }
            else
            {
                positional.Add(list[i]);
            }
        }
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);
}
