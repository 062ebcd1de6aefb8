namespace Clientele.Dashboard.Components.Layout;

/// <summary>
/// A module's dashboard lives at <c>/modules/{name}</c>. A module with pages of its own serves that route itself (a literal
/// route beats the placeholder's parameter); the others get the placeholder.
/// </summary>
public static class ModuleLinks
{
    public static string Home(string module) => $"/modules/{module}";

    public static string Docs(string module) => $"/docs/{module}";
}
