using iAyos.Messaging.Load;

var options = LoadOptions.Parse(args);
using var client = new LoadClient(options);

var target = options.Urls is { Count: > 0 } urls ? $"{urls.Count} URLs in turn, the first {urls[0]}" : options.Url.ToString();
var shape = options.Connections is { } n ? $"closed loop over {n} connections" : $"at {options.Rate}/s";
Console.WriteLine($"{options.Method} {target} {shape} for {options.Duration.TotalSeconds} s (after {options.Warmup.TotalSeconds} s warm-up)");

var warmup = await RunAsync(options.Warmup, into: null, first: 0);
var report = new LatencyReport();
var startedAt = DateTimeOffset.UtcNow;
// The measurement goes on through the URL list where the warm-up stopped (a cold run must not revisit warm URLs).
var measured = await RunAsync(options.Duration, report, first: warmup.Requests);
Console.WriteLine(report.Summarize(measured.Elapsed));
if (options.JsonPath is { } jsonPath)
    await File.WriteAllTextAsync(jsonPath, report.ToJson(measured.Elapsed, startedAt));
return 0;

Task<(TimeSpan Elapsed, int Requests)> RunAsync(TimeSpan duration, LatencyReport? into, int first) =>
    options.Connections is { } connections
        ? ClosedLoop.RunAsync(client, connections, duration, into, first)
        : OpenLoop.RunAsync(client, options.Rate, duration, into, first);
