namespace iAyos.Messaging.Load;

/// <param name="JsonPath">Where to write the figures and every request as JSON (<c>--json PATH</c>), besides the text.</param>
public sealed record LoadOptions(Uri Url, string Body, int Rate, TimeSpan Duration, TimeSpan Warmup, string? JsonPath = null)
{
    public const string DefaultBody =
        """{"title":"Fix leaking kitchen faucet","description":"Kitchen faucet drips constantly","category":"Plumbing","urgency":"HIGH","skill_level":"INTERMEDIATE","tags":["plumbing","repair"]}""";

    public static LoadOptions Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var url = new Uri(Arg("--url", "http://127.0.0.1:5080/api/ml/predict-price"));
        var rate = int.Parse(Arg("--rate", "200"));
        var duration = TimeSpan.FromSeconds(double.Parse(Arg("--duration", "30")));
        var warmup = TimeSpan.FromSeconds(double.Parse(Arg("--warmup", "5")));
        if (rate < 1 || duration <= TimeSpan.Zero)
            throw new ArgumentException("--rate and --duration must be positive");
        var json = Arg("--json", "");
        return new LoadOptions(url, Arg("--body", DefaultBody), rate, duration, warmup, json.Length > 0 ? json : null);
    }
}
