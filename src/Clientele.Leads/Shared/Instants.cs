namespace Clientele.Leads.Shared;

public static class Instants
{
    /// <summary>Now, to the whole microsecond PostgreSQL keeps, so an answer before and after a save shows the same created_at.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
