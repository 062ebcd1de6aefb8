using System.Globalization;

namespace Clientele.Churn.Pages;

/// <summary>One point of a line: where it goes and what its tooltip says.</summary>
public sealed record ChurnPoint(double X, double Y, string Label);

/// <summary>One line of a <see cref="ChurnLineChart"/>.</summary>
public sealed record ChurnSeries(string Name, string Colour, IReadOnlyList<ChurnPoint> Points);

/// <summary>One bar of a <see cref="ChurnBarChart"/>.</summary>
public sealed record ChurnBar(string Key, string Label, double Value, string Colour);

/// <summary>The geometry the SVG charts share: a plot area inside a fixed view box, and numbers as SVG wants them.</summary>
public static class ChurnPlot
{
    public const double Width = 640;
    public const double Height = 260;
    public const double Left = 48;
    public const double Right = 16;
    public const double Top = 14;
    public const double Bottom = 30;

    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static double X(double x, double min, double max) =>
        max <= min ? Left + (Width - Left - Right) / 2 : Left + (x - min) / (max - min) * (Width - Left - Right);

    public static double Y(double y, double min, double max) =>
        max <= min ? Height - Bottom : Height - Bottom - (Math.Clamp(y, min, max) - min) / (max - min) * (Height - Top - Bottom);
}
