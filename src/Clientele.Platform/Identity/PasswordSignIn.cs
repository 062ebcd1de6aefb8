using Clientele.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Identity;

/// <summary>
/// Finds the user an e-mail and password sign in, for the API login and the dashboard form alike. An unknown e-mail is
/// hashed against a dummy user, so the answer takes as long as a wrong password and does not tell which e-mails exist.
/// </summary>
public sealed class PasswordSignIn
{
    private static readonly User Dummy = new() { Email = "", PasswordHash = "", Role = Role.Viewer };

    private readonly IPasswordHasher<User> _hasher;
    private readonly Lazy<string> _dummyHash;

    public PasswordSignIn(IPasswordHasher<User> hasher)
    {
        _hasher = hasher;
        _dummyHash = new Lazy<string>(() => hasher.HashPassword(Dummy, Guid.NewGuid().ToString()));
    }

    public async Task<User?> FindAsync(PlatformDbContext db, string email, string password, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        var verified = _hasher.VerifyHashedPassword(user ?? Dummy, user?.PasswordHash ?? _dummyHash.Value, password) != PasswordVerificationResult.Failed;
        return verified && user is { DisabledAt: null } ? user : null;
    }
}
