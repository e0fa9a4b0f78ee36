using System.CommandLine;
using System.Globalization;

namespace iAyos.Messaging.Cli;

/// <summary>Options several subcommands share.</summary>
public static class CliOptions
{
    /// <summary>
    /// A whole number with a default and a range; a value that is not a number or out of range gets
    /// <paramref name="rangeError"/> (System.CommandLine's own message would name the .NET type).
    /// </summary>
    public static Option<int> Number(string name, int defaultValue, int min, int max, string rangeError, string description)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N", DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return defaultValue;
            if (int.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && value >= min && value <= max)
                return value;
            result.AddError(rangeError);
            return defaultValue;
        };
        return option;
    }
}
