using Clientele.Banking.Domain;

namespace Clientele.Banking.Tests;

public sealed class SpendingWindowTests
{
    [Fact]
    public void Three_months_up_to_August_are_June_to_August()
    {
        var window = SpendingWindow.LastMonths([new DateTime(2025, 7, 4, 12, 0, 0), new DateTime(2025, 8, 31, 21, 55, 56), new DateTime(2025, 6, 1, 8, 0, 23)], 3);

        Assert.Equal(new DateTime(2025, 6, 1), window.From);
        Assert.Equal(new DateTime(2025, 9, 1), window.Until);
        Assert.True(window.Contains(new DateTime(2025, 6, 1)));
        Assert.True(window.Contains(new DateTime(2025, 8, 31, 23, 59, 59)));
        Assert.False(window.Contains(new DateTime(2025, 9, 1)));
    }

    [Fact]
    public void A_transaction_in_May_is_outside_the_window()
    {
        var activity = new[] { new DateTime(2025, 5, 31, 22, 0, 0), new DateTime(2025, 8, 15, 10, 0, 0) };

        var window = SpendingWindow.LastMonths(activity, 3);

        Assert.False(window.Contains(activity[0]));
        Assert.True(window.Contains(activity[1]));
        Assert.Equal(new DateTime(2025, 6, 1), window.From);
    }

    [Fact]
    public void The_window_crosses_a_year_boundary()
    {
        var window = SpendingWindow.LastMonths([new DateTime(2026, 1, 10)], 3);

        Assert.Equal((new DateTime(2025, 11, 1), new DateTime(2026, 2, 1)), (window.From, window.Until));
    }

    [Fact]
    public void No_activity_gives_an_unbounded_window()
    {
        var window = SpendingWindow.LastMonths([], 3);

        Assert.Equal(DateTime.MinValue, window.From);
        Assert.Equal(DateTime.MaxValue, window.Until);
        Assert.True(window.Contains(new DateTime(1990, 1, 1)));
        Assert.True(window.Contains(new DateTime(2025, 5, 31)));
    }
}
