using Clientele.Banking.Domain;

namespace Clientele.Banking.Tests;

public sealed class ClientStatusTests
{
    [Theory]
    [InlineData("Студент", ClientStatus.Student)]
    [InlineData("Зарплатный клиент", ClientStatus.Salary)]
    [InlineData("Премиальный клиент", ClientStatus.Premium)]
    [InlineData("Стандартный клиент", ClientStatus.Standard)]
    [InlineData("студент", ClientStatus.Student)]
    [InlineData("зп", ClientStatus.Salary)]
    [InlineData("вип", ClientStatus.Premium)]
    [InlineData("обычный", ClientStatus.Standard)]
    [InlineData("ЗП", ClientStatus.Salary)]
    [InlineData("Вип", ClientStatus.Premium)]
    [InlineData("ОБЫЧНЫЙ", ClientStatus.Standard)]
    [InlineData("СтУдЕнТ", ClientStatus.Student)]
    [InlineData("  зп  ", ClientStatus.Salary)]
    [InlineData("зарплатный    КЛИЕНТ", ClientStatus.Salary)]
    [InlineData(" премиальный  клиент ", ClientStatus.Premium)]
    public void Official_names_and_slang_map_to_the_official_status(string value, string expected)
    {
        Assert.Equal(expected, ClientStatus.Normalize(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("золотой")]
    [InlineData("зпп")]
    [InlineData("клиент")]
    public void Unknown_values_give_null(string? value)
    {
        Assert.Null(ClientStatus.Normalize(value));
    }

    [Fact]
    public void There_are_exactly_four_official_statuses()
    {
        Assert.Equal(["Студент", "Зарплатный клиент", "Премиальный клиент", "Стандартный клиент"], ClientStatus.Official);
        Assert.All(ClientStatus.Official, s => Assert.Equal(s, ClientStatus.Normalize(s)));
    }
}
