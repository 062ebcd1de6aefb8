using System.Security.Cryptography;
using System.Text;

namespace Clientele.Platform.Identity;

/// <summary>Key format <c>ck_{prefix}_{secret}</c>: the prefix finds the row, the secret's SHA-256 proves it. Keys are random, so a slow hash adds nothing.</summary>
public static class ApiKeySecrets
{
    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"ck_{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    public static string? PrefixOf(string key)
    {
        var parts = key.Split('_', 3);
        return parts.Length == 3 && parts[0] == "ck" && parts[1].Length == 12 ? parts[1] : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
