using Microsoft.EntityFrameworkCore.Migrations;

namespace Clientele.Platform.Data;

/// <summary>For migrations that move SQLite instant columns from EF's text form to UTC ticks (<see cref="UtcTicksConverter"/>).</summary>
public static class SqliteInstants
{
    /// <summary>Rewrites <c>yyyy-MM-dd HH:mm:ss[.fffffff]+hh:mm</c> values as UTC ticks; values already numeric are left alone.</summary>
    public static void ConvertTextToTicks(this MigrationBuilder migration, string table, params string[] columns)
    {
        foreach (var column in columns)
        {
            var quoted = $"\"{column}\"";
            migration.Sql($"""
                UPDATE "{table}" SET {quoted} = CAST(strftime('%s', {quoted}) AS INTEGER) * 10000000
                    + CASE WHEN substr({quoted}, 20, 1) = '.' THEN CAST(substr(substr({quoted}, 21, length({quoted}) - 26) || '0000000', 1, 7) AS INTEGER) ELSE 0 END
                    + 621355968000000000
                WHERE typeof({quoted}) = 'text';
                """);
        }
    }
}
