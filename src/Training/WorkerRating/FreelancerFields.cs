using System.Globalization;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>Parsers for the freelancer CSV's messy spellings; null means "not usable".</summary>
public static class FreelancerFields
{
    /// <summary>"M", "male", "FEMALE", "f"... -> "M" or "F".</summary>
    public static string? Gender(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "m" or "male" => "M",
        "f" or "female" => "F",
        _ => null,
    };

    /// <summary>"52.0", "52" -> 52.</summary>
    public static double? Number(string raw) =>
        double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    /// <summary>"USD 75", "$40", "100" -> 75, 40, 100 (US dollars); zero or less is no rate.</summary>
    public static decimal? HourlyRate(string raw)
    {
        var text = raw.Trim();
        if (text.StartsWith("USD", StringComparison.OrdinalIgnoreCase)) text = text[3..];
        text = text.Trim().TrimStart('$').Trim();
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
    }

    /// <summary>1/0, yes/no, true/false, y/n in any case.</summary>
    public static bool? Active(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "1" or "yes" or "y" or "true" => true,
        "0" or "no" or "n" or "false" => false,
        _ => null,
    };

    /// <summary>"84%", "92", "92.5" -> percent.</summary>
    public static double? Percent(string raw) => Number(raw.Trim().TrimEnd('%'));
}
