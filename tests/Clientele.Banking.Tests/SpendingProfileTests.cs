using Clientele.Banking.Domain;

namespace Clientele.Banking.Tests;

public sealed class SpendingProfileTests
{
    [Fact]
    public void Categories_are_summed_and_ordered_by_amount()
    {
        var profile = SpendingProfile.Of([("Такси", 100.10m), ("Кино", 50m), ("Такси", 200.20m), ("АЗС", 400m)]);

        Assert.Equal(750.30m, profile.Total);
        Assert.Equal([new("АЗС", 400m), new("Такси", 300.30m), new CategoryAmount("Кино", 50m)], profile.Categories);
    }

    [Fact]
    public void Ties_are_broken_by_category_name()
    {
        var profile = SpendingProfile.Of([("Такси", 100m), ("Кино", 100m), ("Отели", 300m), ("АЗС", 100m)]);

        Assert.Equal(["Отели", "АЗС", "Кино", "Такси"], profile.Categories.Select(c => c.Category));
        Assert.Equal(["Отели", "АЗС", "Кино"], profile.Top(3).Select(c => c.Category));
    }

    [Fact]
    public void The_order_of_the_input_does_not_matter()
    {
        (string, decimal)[] spending = [("Такси", 100m), ("Кино", 100m), ("Отели", 300m), ("АЗС", 100m), ("Кино", 0.01m)];

        Assert.Equal(SpendingProfile.Of(spending).Categories, SpendingProfile.Of(spending.Reverse()).Categories);
    }

    [Fact]
    public void Empty_input_gives_a_zero_total_and_no_categories()
    {
        var profile = SpendingProfile.Of([]);

        Assert.Equal(0m, profile.Total);
        Assert.Empty(profile.Categories);
        Assert.Empty(profile.Top(3));
    }

    [Fact]
    public void Top_with_fewer_categories_returns_them_all()
    {
        var profile = SpendingProfile.Of([("Такси", 10m), ("Кино", 20m)]);

        Assert.Equal([new("Кино", 20m), new CategoryAmount("Такси", 10m)], profile.Top(3));
        Assert.Single(profile.Top(1));
    }
}
