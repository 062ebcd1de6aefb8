using Clientele.Platform.Cli;

namespace Clientele.Platform.Tests.Cli;

public sealed class CliArgumentsTests
{
    [Fact]
    public void Words_without_dashes_are_positional_in_order()
    {
        var args = new CliArguments(["acme", "Acme", "Bank"]);

        Assert.Equal(["acme", "Acme", "Bank"], args.Positional);
        Assert.Null(args.Option("org"));
    }

    [Fact]
    public void An_option_takes_the_next_word_as_its_value()
    {
        var args = new CliArguments(["admin@acme.kz", "--org", "acme", "secret-pass"]);

        Assert.Equal("acme", args.Option("org"));
        Assert.Equal(["admin@acme.kz", "secret-pass"], args.Positional);
    }

    [Fact]
    public void An_option_may_carry_its_value_after_an_equals_sign()
    {
        var args = new CliArguments(["--org=acme", "key-name", "--scopes=banking:read,retail:write"]);

        Assert.Equal("acme", args.Option("org"));
        Assert.Equal("banking:read,retail:write", args.Option("scopes"));
        Assert.Equal(["key-name"], args.Positional);
    }

    [Fact]
    public void Option_names_are_case_insensitive()
    {
        var args = new CliArguments(["--Org", "acme"]);

        Assert.Equal("acme", args.Option("org"));
    }

    [Fact]
    public void An_option_at_the_end_without_a_value_is_empty()
    {
        var args = new CliArguments(["name", "--org"]);

        Assert.Equal("", args.Option("org"));
        Assert.Equal(["name"], args.Positional);
    }

    [Fact]
    public void An_equals_sign_inside_the_value_is_kept()
    {
        var args = new CliArguments(["--connection=Host=db;Port=5432"]);

        Assert.Equal("Host=db;Port=5432", args.Option("connection"));
    }

    [Fact]
    public void No_words_means_nothing_positional_and_no_options()
    {
        var args = new CliArguments([]);

        Assert.Empty(args.Positional);
        Assert.Null(args.Option("org"));
    }

    [Fact]
    public void A_word_starting_with_two_dashes_is_never_an_options_value()
    {
        var args = new CliArguments(["--closed", "--org", "acme"]);

        Assert.Equal("", args.Option("closed"));
        Assert.Equal("acme", args.Option("org"));
        Assert.True(args.Has("closed"));
        Assert.False(args.Has("maximal"));
    }

    [Fact]
    public void A_flag_takes_no_value_so_the_next_word_stays_positional()
    {
        var args = new CliArguments(["--Rules", "data.dat", "--org", "acme"], ["rules"]);

        Assert.Equal(["data.dat"], args.Positional);
        Assert.Equal("", args.Option("rules"));
        Assert.Equal("acme", args.Option("org"));
    }

    [Fact]
    public void A_flag_given_a_value_with_an_equals_sign_keeps_it()
    {
        var args = new CliArguments(["--rules=yes"], ["rules"]);

        Assert.Equal("yes", args.Option("rules"));
    }
}
