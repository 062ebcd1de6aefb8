using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Platform.Data;

/// <summary>
/// One INSERT or UPDATE of an entity's table, run for many rows without tracking an entity per row: a prepared command reused
/// row after row (SQLite, in process), or batches of statements in one round trip (PostgreSQL). Table, column names and value
/// conversions (SQLite's UTC ticks) come from the EF model, so the statement writes what <c>SaveChanges</c> would. It runs in
/// the context's current transaction; the caller owns tenancy (the organization is one of the columns it writes or matches).
/// </summary>
public sealed class RowStatement
{
    private const int RowsPerRoundTrip = 500;

    private readonly string sql;
    private readonly RelationalTypeMapping[] mappings;

    private RowStatement(string sql, RelationalTypeMapping[] mappings)
    {
        this.sql = sql;
        this.mappings = mappings;
    }

    /// <summary><c>INSERT INTO table (columns…) VALUES (…)</c>; rows give the values in <paramref name="properties"/> order.</summary>
    public static RowStatement Insert<TEntity>(DbContext db, params string[] properties)
    {
        var (table, columns, mappings) = Columns<TEntity>(db, properties);
        var values = string.Join(", ", columns.Select((_, index) => Parameter(index)));
        return new RowStatement($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({values})", mappings);
    }

    /// <summary><c>UPDATE table SET set… WHERE match…</c> (all equal); rows give the <paramref name="set"/> values, then the <paramref name="match"/> ones.</summary>
    public static RowStatement Update<TEntity>(DbContext db, string[] set, string[] match)
    {
        var (table, columns, mappings) = Columns<TEntity>(db, [.. set, .. match]);
        var assignments = string.Join(", ", columns.Take(set.Length).Select((column, index) => $"{column} = {Parameter(index)}"));
        var conditions = string.Join(" AND ", columns.Skip(set.Length).Select((column, index) => $"{column} = {Parameter(set.Length + index)}"));
        return new RowStatement($"UPDATE {table} SET {assignments} WHERE {conditions}", mappings);
    }

    public async Task ExecuteAsync(DbContext db, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (connection.CanCreateBatch)
            {
                await using var template = connection.CreateCommand();
                foreach (var chunk in rows.Chunk(RowsPerRoundTrip))
                {
                    await using var batch = connection.CreateBatch();
                    batch.Transaction = transaction;
                    foreach (var row in chunk)
                    {
                        var statement = batch.CreateBatchCommand();
                        statement.CommandText = sql;
                        for (var index = 0; index < mappings.Length; index++)
                        {
                            statement.Parameters.Add(mappings[index].CreateParameter(template, Parameter(index), ProviderValue(index, row[index])));
                        }
                        batch.BatchCommands.Add(statement);
                    }
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                }
                return;
            }
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
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
