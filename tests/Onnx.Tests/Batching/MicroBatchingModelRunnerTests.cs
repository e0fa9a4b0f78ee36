using iAyos.Messaging.Onnx.Batching;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Tests.Batching;

public class MicroBatchingModelRunnerTests
{
    /// <summary>y = x · w for x [batch, 2]: each row's answer is its own, so a mix-up between rows shows.</summary>
    private static OnnxSession Linear(float w0, float w1) =>
        OnnxSession.FromBytes(new OnnxGraphBuilder("linear")
            .AddInput("x", null, 2)
            .AddInitializer("w", [w0, w1], 2, 1)
            .AddNode("MatMul", ["x", "w"], ["y"])
            .AddOutput("y", null, 1)
            .ToModelBytes());

    private static MicroBatchingModelRunner Runner(int maxBatch, int lingerMicroseconds) => new(maxBatch, lingerMicroseconds);

    [Fact]
    public async Task Rows_waiting_together_share_one_run_and_each_gets_its_own_answer()
    {
        var model = Linear(2, 3);
        await using var runner = Runner(maxBatch: 40, lingerMicroseconds: 5_000_000);

        var answers = Enumerable.Range(0, 40).Select(i => runner.RunAsync(model, "x", "y", [i, 1])).ToList();
        var results = await Task.WhenAll(answers);

        for (var i = 0; i < 40; i++)
            Assert.Equal(2f * i + 3, Assert.Single(results[i]));
        Assert.Equal(1, runner.Runs);
        Assert.Equal(40, runner.Rows);
    }

    [Fact]
    public async Task A_batch_never_exceeds_the_configured_size()
    {
        var model = Linear(1, 0);
        await using var runner = Runner(maxBatch: 8, lingerMicroseconds: 1_000_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => runner.RunAsync(model, "x", "y", [i, 0])));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (float)i), results.Select(r => r[0]));
        // All 20 wait together and the linger would take them all: the limit alone splits them 8 + 8 + 4.
        Assert.Equal(8, runner.LargestRun);
        Assert.Equal(3, runner.Runs);
    }

    [Fact]
    public async Task Rows_for_different_models_are_run_by_their_own_model()
    {
        var doubling = Linear(2, 0);
        var tripling = Linear(3, 0);
        await using var runner = Runner(maxBatch: 10, lingerMicroseconds: 5_000_000);

        var answers = Enumerable.Range(0, 10).Select(i => runner.RunAsync(i % 2 == 0 ? doubling : tripling, "x", "y", [i, 0])).ToList();
        var results = await Task.WhenAll(answers);

        for (var i = 0; i < 10; i++)
            Assert.Equal(i * (i % 2 == 0 ? 2f : 3f), results[i][0]);
    }

    [Fact]
    public async Task A_failing_run_fails_only_its_own_rows()
    {
        var model = Linear(2, 3);
        await using var runner = Runner(maxBatch: 4, lingerMicroseconds: 5_000_000);

        // Three features where the model takes two: ONNX Runtime refuses that group, the others are answered.
        var wrongWidth = runner.RunAsync(model, "x", "y", [1, 2, 3]);
        var good = Enumerable.Range(0, 3).Select(i => runner.RunAsync(model, "x", "y", [i, 0])).ToList();

        var error = await Assert.ThrowsAsync<OnnxRuntimeException>(() => wrongWidth);
        Assert.Contains("x", error.Message);
        Assert.Equal([0f, 2f, 4f], (await Task.WhenAll(good)).Select(r => r[0]));
    }

    [Fact]
    public async Task A_lone_row_is_answered_without_waiting_for_company()
    {
        var model = Linear(2, 3);
        await using var idle = Runner(maxBatch: 64, lingerMicroseconds: 0);
        await using var lingering = Runner(maxBatch: 64, lingerMicroseconds: 3_000_000);

        var alone = idle.RunAsync(model, "x", "y", [1, 1]);
        var waiting = lingering.RunAsync(model, "x", "y", [1, 1]);

        // Without a linger the row runs at once, alone; the control shows that a runner that waits for company
        // (3 s here) would still be waiting when the first has answered.
        Assert.Equal(5f, (await alone.WaitAsync(TimeSpan.FromSeconds(1.5)))[0]);
        Assert.False(waiting.IsCompleted, "the lingering runner answered a lone row before its linger ran out");
        Assert.Equal(1, idle.Runs);
        Assert.Equal(1, idle.LargestRun);
        Assert.Equal(5f, (await waiting)[0]);
    }

    [Fact]
    public async Task After_disposal_rows_are_refused_not_lost()
    {
        var runner = Runner(maxBatch: 4, lingerMicroseconds: 0);
        await runner.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => runner.RunAsync(Linear(1, 1), "x", "y", [1, 1]));
    }
}
