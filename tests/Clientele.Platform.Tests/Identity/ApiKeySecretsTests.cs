using System.Text.RegularExpressions;
using Clientele.Platform.Identity;

namespace Clientele.Platform.Tests.Identity;

public sealed partial class ApiKeySecretsTests
{
    [GeneratedRegex("^ck_(?<prefix>[0-9a-f]{12})_(?<secret>[A-Za-z0-9_-]{43})$")]
    private static partial Regex KeyFormat();

    [Fact]
    public void A_generated_key_is_ck_then_twelve_hex_digits_then_a_url_safe_secret()
    {
        var (key, prefix, hash) = ApiKeySecrets.Generate();

        var match = KeyFormat().Match(key);
        Assert.True(match.Success, $"'{key}' does not look like ck_{{12 hex}}_{{secret}}");
        Assert.Equal(prefix, match.Groups["prefix"].Value);
        Assert.Equal(ApiKeySecrets.Hash(key), hash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void The_prefix_of_a_generated_key_is_the_one_stored_with_it()
    {
        var (key, prefix, _) = ApiKeySecrets.Generate();

        Assert.Equal(prefix, ApiKeySecrets.PrefixOf(key));
    }

    [Fact]
    public void A_secret_containing_underscores_keeps_the_prefix_readable()
    {
        Assert.Equal("0123456789ab", ApiKeySecrets.PrefixOf("ck_0123456789ab_se_cr_et"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("ck_")]
    [InlineData("ck_0123456789ab")]
    [InlineData("ck_0123_secret")]
    [InlineData("sk_0123456789ab_secret")]
    [InlineData("Bearer ck_0123456789ab_secret")]
    public void Anything_not_shaped_like_a_key_has_no_prefix(string text)
    {
        Assert.Null(ApiKeySecrets.PrefixOf(text));
    }

    [Fact]
    public void The_right_key_matches_its_hash()
    {
        var (key, _, hash) = ApiKeySecrets.Generate();

        Assert.True(ApiKeySecrets.Matches(key, hash));
    }

    [Fact]
    public void A_key_with_one_character_changed_does_not_match()
    {
        var (key, _, hash) = ApiKeySecrets.Generate();
        var last = key[^1];
        var changed = key[..^1] + (last == 'A' ? 'B' : 'A');

        Assert.False(ApiKeySecrets.Matches(changed, hash));
    }

    [Fact]
    public void A_hash_of_another_key_does_not_match()
    {
        var (key, _, _) = ApiKeySecrets.Generate();
        var (_, _, otherHash) = ApiKeySecrets.Generate();

        Assert.False(ApiKeySecrets.Matches(key, otherHash));
        Assert.False(ApiKeySecrets.Matches(key, ""));
    }

    [Fact]
    public void Two_generated_keys_differ_in_prefix_and_secret()
    {
        var first = ApiKeySecrets.Generate();
        var second = ApiKeySecrets.Generate();

        Assert.NotEqual(first.Key, second.Key);
        Assert.NotEqual(first.Prefix, second.Prefix);
        Assert.NotEqual(first.Hash, second.Hash);
    }
}
