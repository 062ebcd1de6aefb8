using System.Globalization;
using System.Text;
using Clientele.Banking.Data;
using Clientele.Banking.Offers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Clientele.Banking.Recommendations;

/// <summary>
/// A page's card payments and transfers on SQLite, read through the connection's own handle: values are parsed from the
/// stored UTF-8 text (dates as <c>yyyy-MM-dd HH:mm:ss[.fffffff]</c>, decimals as text, the forms EF Core writes) and repeated
/// words (categories, types, currencies) are one string each, where a data reader made a string of every value and parsed
/// each date with <see cref="DateTime.Parse(string, IFormatProvider)"/>: most of a batch's time on SQLite. The organization
/// filter is written here, as EF Core's query filter would add it.
/// </summary>
internal static class SqliteActivityRows
{
    public static Dictionary<int, List<SpendingRow>> Spending(BankingDbContext db, int first, int last)
    {
        var words = new Words();
        return Read(db, """
            SELECT "ClientCode", "OccurredAt", "Category", "AmountKzt", "Currency" FROM banking_transactions
            WHERE "OrganizationId" = ?1 AND "ClientCode" >= ?2 AND "ClientCode" <= ?3
            """, first, last, row => new SpendingRow(row.Date(1), words.Of(row.Bytes(2)), row.Decimal(3), words.Of(row.Bytes(4))));
    }

    public static Dictionary<int, List<TransferRow>> Transfers(BankingDbContext db, int first, int last)
    {
        var words = new Words();
        return Read(db, """
            SELECT "ClientCode", "OccurredAt", "Type", "Direction", "AmountKzt" FROM banking_transfers
            WHERE "OrganizationId" = ?1 AND "ClientCode" >= ?2 AND "ClientCode" <= ?3
            """, first, last, row => new TransferRow(row.Date(1), words.Of(row.Bytes(2)), words.Of(row.Bytes(3)), row.Decimal(4)));
    }

    private static Dictionary<int, List<TRow>> Read<TRow>(BankingDbContext db, string sql, int first, int last, Func<Row, TRow> read)
    {
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            // EF Core stores a GUID as upper-case text on SQLite.
            Check(raw.sqlite3_bind_text(statement, 1, db.CurrentOrganizationId.ToString().ToUpperInvariant()), handle);
            Check(raw.sqlite3_bind_int(statement, 2, first), handle);
            Check(raw.sqlite3_bind_int(statement, 3, last), handle);
            var rows = new RowsByClient<TRow>();
            var row = new Row(statement);
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows.Add(raw.sqlite3_column_int(statement, 0), read(row));
            }
            if (step != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(step, handle);
            }
            return rows.ByClient;
        }
    }

    private static void Check(int result, sqlite3 handle)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }

    /// <summary>The current row's columns, read as Microsoft.Data.Sqlite would read them, without a string per value.</summary>
    private readonly struct Row(sqlite3_stmt statement)
    {
        public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(statement, column);

        public decimal Decimal(int column) => raw.sqlite3_column_type(statement, column) switch
        {
            raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, column),
            raw.SQLITE_FLOAT => (decimal)raw.sqlite3_column_double(statement, column),
            _ => decimal.Parse(Bytes(column), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
        };

        public DateTime Date(int column) => raw.sqlite3_column_type(statement, column) switch
        {
            // Microsoft.Data.Sqlite reads numbers as Julian days.
            raw.SQLITE_INTEGER or raw.SQLITE_FLOAT => DateTime.FromOADate(raw.sqlite3_column_double(statement, column) - 2415018.5),
            _ when DateText.TryParse(Bytes(column), out var date) => date,
            _ => DateTime.Parse(Encoding.UTF8.GetString(Bytes(column)), CultureInfo.InvariantCulture),
        };
    }
}
