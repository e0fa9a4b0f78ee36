using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Training.Tests.JobBoard;

public sealed class EmbeddingDecayTests
{
    [Fact]
    public void Only_rows_the_batch_used_gain_the_decay_gradient_before_the_inner_step()
    {
        var table = new Parameter("t/embeddings", new Tensor([1, 2, 3, 4, 5, 6], 3, 2), isKernel: false);
        table.Grad.Data[2] = 0.5f; // row 1 was in the batch
        var inner = new RecordingOptimizer(table);

        new EmbeddingDecay(inner, [table], 0.1).Step();

        // Row 1: (0.5 + 0.2 * 3, 0 + 0.2 * 4); rows 0 and 2 untouched.
        Assert.Equal([0, 0, 0.5f + 0.6f, 0.8f, 0, 0], inner.SeenGradient!, new FloatComparer());
    }

    [Fact]
    public void A_zero_decay_leaves_the_gradient_alone()
    {
        var table = new Parameter("t/embeddings", new Tensor([1, 2, 3, 4], 2, 2), isKernel: false);
        table.Grad.Data[0] = 0.25f;
        var inner = new RecordingOptimizer(table);

        new EmbeddingDecay(inner, [table], 0).Step();

        Assert.Equal([0.25f, 0, 0, 0], inner.SeenGradient!);
    }

    private sealed class RecordingOptimizer(Parameter watched) : IOptimizer
    {
        public float[]? SeenGradient { get; private set; }
        public double LearningRate { get; set; } = 0.001;
        public long Iterations { get; set; }
        public IReadOnlyList<NamedTensor> Slots => [];
        public double RegularizationLoss() => 0;
        public void Step() => SeenGradient = (float[])watched.Grad.Data.Clone();
    }

    private sealed class FloatComparer : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-6;
        public int GetHashCode(float obj) => 0;
    }
}
