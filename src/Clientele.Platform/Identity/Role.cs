namespace Clientele.Platform.Identity;

/// <summary>admin manages keys and users and writes; analyst reads and writes module data; viewer only reads.</summary>
public static class Role
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Viewer];

    public static bool CanWrite(string role) => role is Admin or Analyst;
}
