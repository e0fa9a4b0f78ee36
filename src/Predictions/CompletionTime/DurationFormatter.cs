namespace iAyos.Messaging.Predictions.CompletionTime;

/// <summary>Human wording of a duration, as the seed shows it ("4-5 hours" for 4.5).</summary>
public static class DurationFormatter
{
    public static string Format(double hours)
    {
        if (double.IsNaN(hours) || hours < 1)
            return "less than 1 hour";
        if (hours < 24)
            return Span(hours, "hour");
        return Span(hours / 24, "day");
    }

    private static string Span(double value, string unit)
    {
        var low = (int)Math.Floor(value);
        var high = (int)Math.Ceiling(value);
        if (low == high)
            return low == 1 ? $"1 {unit}" : $"{low} {unit}s";
        return $"{low}-{high} {unit}s";
    }
}
