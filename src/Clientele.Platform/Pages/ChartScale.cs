namespace Clientele.Platform.Pages;

/// <summary>Axis scales shared by the modules' SVG charts.</summary>
public static class ChartScale
{
    /// <summary>A "nice" upper bound for an axis: 1, 2, 5 × 10ⁿ at or above <paramref name="value"/>.</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
