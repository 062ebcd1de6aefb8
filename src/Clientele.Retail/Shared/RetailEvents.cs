using Clientele.Retail.Data;

namespace Clientele.Retail.Shared;

/// <summary>
/// Events of the module, through the organization's outbox in the same SaveChanges as the change:
/// <c>retail.{product|customer|timeframe|transaction|sale}.{created|updated|deleted}</c> with the row under its name, and
/// <c>retail.import.completed</c> / <c>retail.import.rejected</c>.
/// </summary>
public static class RetailEvents
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string ImportCompleted = "retail.import.completed";
    public const string ImportRejected = "retail.import.rejected";

    public static void Row(RetailDbContext db, string entity, string change, object row) =>
        db.Publish($"{RetailModule.Name}.{entity}.{change}", new Dictionary<string, object> { [entity] = row });
}
