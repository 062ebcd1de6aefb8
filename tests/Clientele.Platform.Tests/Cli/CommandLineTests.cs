using Clientele.Platform.Cli;

namespace Clientele.Platform.Tests.Cli;

public sealed class CommandLineTests
{
    private static CliVerb Verb(string name, bool needsHost, List<string> seen) =>
        new(name, name, (services, args, _) =>
        {
            seen.Add($"{name}:{string.Join(' ', args.Positional)}:{args.Option("x")}:{services is not null}");
            return Task.FromResult(7);
        })
        { NeedsHost = needsHost, Flags = ["flag"] };

    [Fact]
    public async Task A_verb_that_needs_no_host_runs_without_one_with_its_flags()
    {
        var seen = new List<string>();

        var exit = await CommandLine.TryRunWithoutHostAsync([Verb("mine", needsHost: false, seen), Verb("mine more", needsHost: true, seen)],
            ["mine", "--flag", "file", "--x", "1"], CancellationToken.None);

        Assert.Equal(7, exit);
        Assert.Equal(["mine:file:1:True"], seen);
    }

    [Theory]
    [InlineData("import", "banking")]
    [InlineData("mine", "more")]
    [InlineData("other")]
    public async Task Any_other_command_is_left_to_the_host(params string[] args)
    {
        var seen = new List<string>();

        var exit = await CommandLine.TryRunWithoutHostAsync([Verb("mine", needsHost: false, seen), Verb("mine more", needsHost: true, seen)], args, CancellationToken.None);

        Assert.Null(exit);
        Assert.Empty(seen);
    }
}
