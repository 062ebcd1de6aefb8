using Microsoft.AspNetCore.Identity;

namespace Clientele.Platform.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, so stored hashes follow Identity's format and can be rehashed when it moves on. Sign-in checks go through <see cref="PasswordSignIn"/>.</summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);
}
