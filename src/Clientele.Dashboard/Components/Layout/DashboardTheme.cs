using MudBlazor;

namespace Clientele.Dashboard.Components.Layout;

public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f5e9c",
            Secondary = "#1b9aaa",
            AppbarBackground = "#0b3c5d",
        },
    };
}
