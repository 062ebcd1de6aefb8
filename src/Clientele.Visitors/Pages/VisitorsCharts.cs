using System.Globalization;

namespace Clientele.Visitors.Pages;

/// <summary>One bar of a <see cref="VisitorsBarChart"/>.</summary>
public sealed record VisitorsBar(string Key, string Label, double Value, string Colour);

/// <summary>The geometry of the SVG bar chart: a plot area inside a fixed view box, and numbers as SVG wants them.</summary>
public static class VisitorsPlot
{
    public const double Width = 640;
    public const double Height = 260;
    public const double Left = 48;
    public const double Right = 16;
    public const double Top = 18;
    public const double Bottom = 30;

    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static double Y(double y, double max) =>
        max <= 0 ? Height - Bottom : Height - Bottom - Math.Clamp(y, 0, max) / max * (Height - Top - Bottom);
}
