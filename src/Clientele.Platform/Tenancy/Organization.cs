namespace Clientele.Platform.Tenancy;

public sealed class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string TimeZone { get; set; } = "Asia/Almaty";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
