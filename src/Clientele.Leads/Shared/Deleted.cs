namespace Clientele.Leads.Shared;

/// <summary>The original's answer to a DELETE: <c>{"message": "Ниша удалена", "id": …}</c>.</summary>
public sealed record Deleted(string Message, Guid Id);
