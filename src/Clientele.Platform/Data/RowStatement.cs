using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Platform.Data;

/// <summary>
/// One INSERT or UPDATE of an entity's table, run for many rows without tracking an entity per row: a prepared command reused
/// row after row (SQLite, in process), or one statement over arrays of every column (PostgreSQL, one round trip). Table, column names and value
/// conversions (SQLite's UTC ticks) come from the EF model, so the statement writes what <c>SaveChanges</c> would; a statement serves
/// the contexts of the model it was made with. It runs in
/// the context's current transaction; the caller owns tenancy (the organization is one of the columns it writes or matches).
/// </summary>
public sealed class RowStatement
{
    private readonly string sql;
    private readonly string arraySql;
    private readonly RelationalTypeMapping[] mappings;
    // The statement is made for one model, so for one provider: asking the context per call costs a reflection lookup.
    private readonly bool postgres;

    private RowStatement(DbContext db, string sql, string arraySql, RelationalTypeMapping[] mappings)
    {
        this.sql = sql;
        this.arraySql = arraySql;
        this.mappings = mappings;
        postgres = db.Database.IsNpgsql();
    }

    /// <summary><c>INSERT INTO table (columns…) VALUES (…)</c>; rows give the values in <paramref name="properties"/> order.</summary>
    public static RowStatement Insert<TEntity>(DbContext db, params string[] properties)
    {
        var (table, columns, mappings) = Columns<TEntity>(db, properties);
        var names = string.Join(", ", columns);
        var values = string.Join(", ", columns.Select((_, index) => Parameter(index)));
        return new RowStatement(db, $"INSERT INTO {table} ({names}) VALUES ({values})", $"INSERT INTO {table} ({names}) SELECT * FROM unnest({values})", mappings);
    }

    /// <summary><c>UPDATE table SET set… WHERE match…</c> (all equal); rows give the <paramref name="set"/> values, then the <paramref name="match"/> ones.</summary>
    public static RowStatement Update<TEntity>(DbContext db, string[] set, string[] match)
    {
        var (table, columns, mappings) = Columns<TEntity>(db, [.. set, .. match]);
        var assignments = string.Join(", ", columns.Take(set.Length).Select((column, index) => $"{column} = {Parameter(index)}"));
        var conditions = string.Join(" AND ", columns.Skip(set.Length).Select((column, index) => $"{column} = {Parameter(set.Length + index)}"));
        var fromRows = string.Join(", ", columns.Take(set.Length).Select((column, index) => $"{column} = v.c{index}"));
        var onRows = string.Join(" AND ", columns.Skip(set.Length).Select((column, index) => $"t.{column} = v.c{set.Length + index}"));
        var aliases = string.Join(", ", columns.Select((_, index) => $"c{index}"));
        var values = string.Join(", ", columns.Select((_, index) => Parameter(index)));
        return new RowStatement(db, $"UPDATE {table} SET {assignments} WHERE {conditions}",
            $"UPDATE {table} AS t SET {fromRows} FROM unnest({values}) AS v({aliases}) WHERE {onRows}", mappings);
    }

    public async Task ExecuteAsync(DbContext db, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (postgres)
            {
                // One statement for all rows: each column goes as one array parameter and unnest() turns them back into rows.
                command.CommandText = arraySql;
                for (var index = 0; index < mappings.Length; index++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = Parameter(index);
                    parameter.Value = Column(rows, index);
                    command.Parameters.Add(parameter);
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            command.CommandText = sql;
            var parameters = mappings.Select((mapping, index) => mapping.CreateParameter(command, Parameter(index), null)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var index = 0; index < parameters.Length; index++)
                {
                    parameters[index].Value = ProviderValue(index, row[index]) ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A column's values as a typed array (Guid[], double[], string[]…), which Npgsql sends as a PostgreSQL array.</summary>
    private Array Column(IReadOnlyList<object?[]> rows, int index)
    {
        var type = mappings[index].Converter?.ProviderClrType ?? mappings[index].ClrType;
        if (rows.Any(row => row[index] is null) && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            type = typeof(Nullable<>).MakeGenericType(type);
        }
        var values = Array.CreateInstance(type, rows.Count);
        for (var row = 0; row < rows.Count; row++)
        {
            values.SetValue(ProviderValue(index, rows[row][index]), row);
        }
        return values;
    }

    private object? ProviderValue(int index, object? value) =>
        value is null ? null : mappings[index].Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static string Parameter(int index) => $"@p{index}";

    private static (string Table, string[] Columns, RelationalTypeMapping[] Mappings) Columns<TEntity>(DbContext db, string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in {db.GetType().Name}'s model.");
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var found = properties.Select(name => entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {name}.")).ToArray();
        return (sql.DelimitIdentifier(tableName, entity.GetSchema()),
            found.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)).ToArray(),
            found.Select(property => (RelationalTypeMapping)property.GetTypeMapping()).ToArray());
    }
}
