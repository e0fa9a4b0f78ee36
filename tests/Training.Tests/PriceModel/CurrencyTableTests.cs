using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Tests.PriceModel;

public class CurrencyTableTests
{
    [Theory]
    [InlineData("PHP", 1.0)]
    [InlineData("USD", 56.0)]
    [InlineData("usd", 56.0)]
    [InlineData(" GBP ", 71.0)]
    [InlineData("INR", 0.67)]
    [InlineData("KRW", 0.041)]
    [InlineData("IDR", 0.0035)]
    public void RateToPhp_uses_seed_001s_table(string currency, double rate)
    {
        Assert.Equal(rate, CurrencyTable.RateToPhp(currency));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData(null)]
    public void RateToPhp_of_an_unknown_currency_is_null(string? currency)
    {
        Assert.Null(CurrencyTable.RateToPhp(currency));
    }

    [Fact]
    public void The_table_holds_the_seeds_sixteen_currencies()
    {
        Assert.Equal(16, CurrencyTable.ToPhp.Count);
    }
}
