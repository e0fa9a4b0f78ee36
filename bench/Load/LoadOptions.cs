namespace iAyos.Messaging.Load;

/// <param name="JsonPath">Where to write the figures and every request as JSON (<c>--json PATH</c>), besides the text.</param>
/// <param name="Method">POST (with <paramref name="Body"/>) or GET (<c>--method</c>).</param>
/// <param name="Urls">Request i goes to Urls[i % count] (<c>--urls FILE</c>, one per line), else to <paramref name="Url"/>.</param>
/// <param name="Connections">Closed loop (<c>--connections N</c>): N clients, each sending its next request when the
/// last is answered, as fast as the server allows; <paramref name="Rate"/> is then unused.</param>
public sealed record LoadOptions(Uri Url, string Body, int Rate, TimeSpan Duration, TimeSpan Warmup, string? JsonPath = null,
    string Method = "POST", IReadOnlyList<Uri>? Urls = null, int? Connections = null)
{
    public Uri UrlFor(int i) => Urls is { Count: > 0 } all ? all[i % all.Count] : Url;

    public const string DefaultBody =
        """{"title":"Fix leaking kitchen faucet","description":"Kitchen faucet drips constantly","category":"Plumbing","urgency":"HIGH","skill_level":"INTERMEDIATE","tags":["plumbing","repair"]}""";

    public static LoadOptions Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.LastIndexOf(args, name); // the last of a repeated option wins
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var url = new Uri(Arg("--url", "http://127.0.0.1:5080/api/ml/predict-price"));
        var rate = int.Parse(Arg("--rate", "200"));
        var duration = TimeSpan.FromSeconds(double.Parse(Arg("--duration", "30")));
        var warmup = TimeSpan.FromSeconds(double.Parse(Arg("--warmup", "5")));
        if (rate < 1 || duration <= TimeSpan.Zero)
            throw new ArgumentException("--rate and --duration must be positive");
        var json = Arg("--json", "");
        var method = Arg("--method", "POST").ToUpperInvariant();
        if (method is not ("POST" or "GET"))
            throw new ArgumentException("--method must be POST or GET");
        var urlsFile = Arg("--urls", "");
        IReadOnlyList<Uri>? urls = urlsFile.Length > 0
            ? [.. File.ReadLines(urlsFile).Where(l => l.Trim().Length > 0).Select(l => new Uri(l.Trim()))]
            : null;
        var connections = Arg("--connections", "");
        int? closedLoop = connections.Length > 0 ? int.Parse(connections) : null;
        if (closedLoop is < 1)
            throw new ArgumentException("--connections must be positive");
        return new LoadOptions(url, Arg("--body", DefaultBody), rate, duration, warmup, json.Length > 0 ? json : null, method, urls, closedLoop);
    }
}
