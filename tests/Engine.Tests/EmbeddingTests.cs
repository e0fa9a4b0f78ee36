using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class EmbeddingTests
{
    private static Tensor Ids(int seed, int vocabulary, int batch, int length)
    {
        var random = new Random(seed);
        var ids = Tensor.Zeros(batch, length);
        for (var i = 0; i < ids.Length; i++) ids.Data[i] = random.Next(vocabulary);
        return ids;
    }

    [Fact]
    public void Forward_looks_up_each_ids_row()
    {
        var embedding = new Embedding("emb", 3, 2, new Random(1));
        new float[] { 0, 1, 10, 11, 20, 21 }.CopyTo(embedding.Embeddings.Value.Data, 0);

        var y = embedding.Forward(new Tensor([2, 0, 1, 2], 2, 2), null);

        Assert.Equal([2, 2, 2], y.Shape);
        Assert.Equal([20f, 21, 0, 1, 10, 11, 20, 21], y.Data);
    }

    [Fact]
    public void Backward_adds_each_positions_gradient_into_its_row_and_gives_the_ids_none()
    {
        var embedding = new Embedding("emb", 4, 2, new Random(1));
        var ids = new Tensor([1, 3, 1], 1, 3);
        embedding.Forward(ids, new Random(1));

        var dx = embedding.Backward(new Tensor([1, 2, 3, 4, 5, 6], 1, 3, 2));

        Assert.Equal([0f, 0, 1 + 5, 2 + 6, 0, 0, 3, 4], embedding.Embeddings.Grad.Data);
        Assert.Equal([1, 3], dx.Shape);
        Assert.All(dx.Data, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var embedding = new Embedding("emb", 5, 3, new Random(1));
        // Repeated ids, so accumulation into one row is checked too.
        var ids = new Tensor([0, 4, 4, 2, 1, 4], 2, 3);

        var results = GradientCheck.Check(new WithFixedIds(embedding, ids), Tensor.Zeros(1, 1));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
        Assert.Contains(results, r => r.Where == "emb/embeddings" && r.Analytic != 0);
    }

    [Fact]
    public void Weights_start_uniform_within_five_hundredths()
    {
        var w = new Embedding("emb", 200, 8, new Random(1)).Embeddings.Value.Data;

        Assert.All(w, v => Assert.InRange(v, -0.05f, 0.05f));
        Assert.True(w.Min() < -0.045f && w.Max() > 0.045f, "the range is used");
        Assert.InRange(w.Average(), -0.005, 0.005);
    }

    [Fact]
    public void L2_applies_only_when_asked()
    {
        Assert.False(new Embedding("a", 2, 2, new Random(1)).Embeddings.IsKernel);
        Assert.True(new Embedding("b", 2, 2, new Random(1), regularized: true).Embeddings.IsKernel);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Onnx_export_matches_forward(int batch) =>
        OnnxParity.AssertMatches(new Embedding("emb", 7, 4, new Random(2)), Ids(batch, 7, batch, 5));

    [Theory]
    [InlineData(1.5f)]
    [InlineData(-1f)]
    [InlineData(5f)]
    [InlineData(float.NaN)]
    public void An_id_that_is_not_an_integer_in_the_vocabulary_is_refused(float id)
    {
        var embedding = new Embedding("emb", 5, 2, new Random(1));

        var error = Assert.Throws<ArgumentException>(() => embedding.Forward(new Tensor([0, id], 1, 2), null));

        Assert.Contains("[0, 5)", error.Message);
    }

    [Fact]
    public void Ids_of_another_rank_are_refused()
    {
        var embedding = new Embedding("emb", 5, 2, new Random(1));

        Assert.Throws<ArgumentException>(() => embedding.Forward(new Tensor([0, 1], 2), null));
        Assert.Throws<ArgumentException>(() => embedding.Forward(Tensor.Zeros(1, 2, 2), null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding("emb", Embedding.MaxVocabulary + 1, 2, new Random(1)));
    }

    /// <summary>Ids are not differentiable, so the check perturbs only the table: the layer's input is a dummy.</summary>
    private sealed class WithFixedIds(Embedding inner, Tensor ids) : ILayer
    {
        public string Name => inner.Name;
        public IReadOnlyList<Parameter> Parameters => inner.Parameters;
        public Tensor Forward(Tensor input, Random? training) => inner.Forward(ids, training);
        public Tensor Backward(Tensor outputGradient)
        {
            inner.Backward(outputGradient);
            return Tensor.Zeros(1, 1);
        }
        public string ExportOnnx(OnnxExport export, string input) => inner.ExportOnnx(export, input);
    }
}
