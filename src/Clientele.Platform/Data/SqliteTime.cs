using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clientele.Platform.Data;

/// <summary>SQLite cannot compare or order DateTimeOffset in SQL; instants that queries filter on are stored there as UTC ticks.</summary>
public static class SqliteTime
{
    public static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
