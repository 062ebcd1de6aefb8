using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using static Clientele.Platform.Tests.Tenancy.InMemoryPlatformDatabase;

namespace Clientele.Platform.Tests.Tenancy;

public sealed class TenantDbContextTests : IDisposable
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private readonly InMemoryPlatformDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private Guid AddUserOf(Guid organization, string email)
    {
        using var db = _database.OpenFor(organization);
        var user = NewUser(email);
        db.Users.Add(user);
        db.SaveChanges();
        return user.Id;
    }

    [Fact]
    public void A_new_row_is_stamped_with_the_current_organization()
    {
        var id = AddUserOf(A, "a@example.kz");

        using var db = _database.OpenFor(A);
        Assert.Equal(A, db.Users.Single(u => u.Id == id).OrganizationId);
    }

    [Fact]
    public async Task Saving_asynchronously_stamps_the_organization_too()
    {
        await using (var db = _database.OpenFor(A))
        {
            db.Users.Add(NewUser("async@example.kz"));
            await db.SaveChangesAsync();
        }

        await using var check = _database.OpenFor(B);
        var user = await check.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == "async@example.kz");
        Assert.Equal(A, user.OrganizationId);
    }

    [Fact]
    public void Another_organization_does_not_see_the_rows_unless_filters_are_ignored()
    {
        var id = AddUserOf(A, "a@example.kz");

        using var db = _database.OpenFor(B);

        Assert.Empty(db.Users.ToList());
        Assert.False(db.Users.Any(u => u.Id == id));
        Assert.Equal(id, db.Users.IgnoreQueryFilters().Single().Id);
    }

    [Fact]
    public void Each_context_sees_only_its_own_organization_although_they_share_one_model()
    {
        AddUserOf(A, "a@example.kz");
        AddUserOf(B, "b@example.kz");

        using var forA = _database.OpenFor(A);
        using var forB = _database.OpenFor(B);

        Assert.Equal(["a@example.kz"], forA.Users.Select(u => u.Email).ToList());
        Assert.Equal(["b@example.kz"], forB.Users.Select(u => u.Email).ToList());
    }

    [Fact]
    public void Without_an_organization_nothing_is_visible()
    {
        AddUserOf(A, "a@example.kz");

        using var db = _database.Open(new TenantContext());

        Assert.Empty(db.Users.ToList());
    }

    [Fact]
    public void Saving_without_an_organization_is_refused()
    {
        using var db = _database.Open(new TenantContext());
        db.Users.Add(NewUser("nobody@example.kz"));

        var error = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains("No organization", error.Message, StringComparison.Ordinal);
        Assert.Empty(db.Users.IgnoreQueryFilters().ToList());
    }

    [Fact]
    public async Task Saving_asynchronously_without_an_organization_is_refused()
    {
        await using var db = _database.Open(new TenantContext());
        db.Users.Add(NewUser("nobody@example.kz"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public void Adding_a_row_stamped_for_another_organization_is_refused()
    {
        using var db = _database.OpenFor(B);
        var user = NewUser("smuggled@example.kz");
        user.OrganizationId = A;
        db.Users.Add(user);

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        Assert.Empty(db.Users.IgnoreQueryFilters().AsNoTracking().ToList());
    }

    [Fact]
    public void Changing_another_organizations_row_is_refused_and_the_row_stays_as_it_was()
    {
        var id = AddUserOf(A, "a@example.kz");

        using (var db = _database.OpenFor(B))
        {
            var user = db.Users.IgnoreQueryFilters().Single(u => u.Id == id);
            user.Email = "hijacked@example.kz";

            var error = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            Assert.Contains("another organization", error.Message, StringComparison.Ordinal);
        }

        using var check = _database.OpenFor(A);
        Assert.Equal("a@example.kz", check.Users.Single(u => u.Id == id).Email);
    }

    [Fact]
    public void Deleting_another_organizations_row_is_refused()
    {
        var id = AddUserOf(A, "a@example.kz");

        using (var db = _database.OpenFor(B))
        {
            db.Users.Remove(db.Users.IgnoreQueryFilters().Single(u => u.Id == id));

            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        using var check = _database.OpenFor(A);
        Assert.True(check.Users.Any(u => u.Id == id));
    }

    [Fact]
    public void Moving_an_own_row_to_another_organization_is_refused()
    {
        var id = AddUserOf(A, "a@example.kz");

        using (var db = _database.OpenFor(A))
        {
            db.Users.Single(u => u.Id == id).OrganizationId = B;

            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        using var check = _database.OpenFor(A);
        Assert.Equal(A, check.Users.Single(u => u.Id == id).OrganizationId);
    }

    [Fact]
    public void Changing_an_own_row_is_allowed()
    {
        var id = AddUserOf(A, "a@example.kz");

        using (var db = _database.OpenFor(A))
        {
            db.Users.Single(u => u.Id == id).Role = Role.Analyst;
            db.SaveChanges();
        }

        using var check = _database.OpenFor(A);
        Assert.Equal(Role.Analyst, check.Users.Single(u => u.Id == id).Role);
    }

    [Fact]
    public void Organizations_themselves_are_not_tenant_rows_and_can_be_created_without_a_tenant()
    {
        using (var db = _database.Open(new TenantContext()))
        {
            db.Organizations.Add(new Organization { Slug = "acme", Name = "Acme" });
            db.SaveChanges();
        }

        using var check = _database.OpenFor(B);
        Assert.Equal("Acme", check.Organizations.Single(o => o.Slug == "acme").Name);
    }
}
