using iAyos.Messaging.Predictions.CompletionTime;

namespace iAyos.Messaging.Predictions.Tests;

public class DurationFormatterTests
{
    [Theory]
    [InlineData(0.0, "less than 1 hour")]
    [InlineData(0.5, "less than 1 hour")]
    [InlineData(0.99, "less than 1 hour")]
    [InlineData(1.0, "1 hour")]
    [InlineData(1.5, "1-2 hours")]
    [InlineData(2.0, "2 hours")]
    [InlineData(4.0, "4 hours")]
    [InlineData(4.5, "4-5 hours")]     // the seed's example: predicted_hours 4.5 -> "4-5 hours"
    [InlineData(23.2, "23-24 hours")]
    [InlineData(23.99, "23-24 hours")]
    [InlineData(24.0, "1 day")]
    [InlineData(30.0, "1-2 days")]
    [InlineData(36.0, "1-2 days")]
    [InlineData(48.0, "2 days")]
    [InlineData(60.0, "2-3 days")]
    [InlineData(720.0, "30 days")]
    public void Format_words_the_duration(double hours, string expected)
    {
        Assert.Equal(expected, DurationFormatter.Format(hours));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-3.0)]
    public void Format_of_a_meaningless_duration_says_less_than_1_hour(double hours)
    {
        Assert.Equal("less than 1 hour", DurationFormatter.Format(hours));
    }
}
