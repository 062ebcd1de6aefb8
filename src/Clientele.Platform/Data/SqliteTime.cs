using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clientele.Platform.Data;

/// <summary>SQLite cannot compare or order DateTimeOffset in SQL, so every instant is stored there as UTC ticks.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
