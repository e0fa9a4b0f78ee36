using BenchmarkDotNet.Attributes;
using iAyos.Messaging.TextEncoding;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>
/// Seed 003's text encoder (all-MiniLM-L6-v2 through our OnnxSession): one freelancer profile (a bio of about 110
/// tokens), and 32 profiles in one batch (what training encodes at a time), one intra-op thread as served.
/// </summary>
[MemoryDiagnoser]
public class ProfileTextEncoding
{
    private const string Bio =
        "Backend engineer with seven years of C# and .NET. Built a payment API with PostgreSQL and RabbitMQ that settles " +
        "40,000 orders a day, moved a monolith to containers on Kubernetes, and wrote the load tests that found our slowest " +
        "queries. Before that, two years of Python data pipelines for a logistics company: Airflow, pandas and a lot of SQL. " +
        "I like small, well-tested services, clear logs and code reviews that teach something.";

    private MiniLmEncoder _encoder = null!;
    private string[] _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _encoder = new MiniLmEncoder();
        _batch = Enumerable.Range(0, MiniLmEncoder.BatchSize).Select(i => $"{Bio} Project {i}.").ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _encoder.Dispose();

    [Benchmark(Description = "one profile")]
    public float[] One() => _encoder.Encode(Bio);

    [Benchmark(Description = "32 profiles, one batch")]
    public float[][] Batch() => _encoder.Encode(_batch);
}
