using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class MeanEmbeddingBagTests
{
    /// <summary>Random bags: ids in [0, vocabulary), so padding (0) falls anywhere, plus one row of only padding.</summary>
    private static Tensor Bags(int seed, int vocabulary, int batch, int length)
    {
        var random = new Random(seed);
        var ids = Tensor.Zeros(batch, length);
        for (var i = length; i < ids.Length; i++) ids.Data[i] = random.Next(vocabulary);
        return ids;
    }

    private static MeanEmbeddingBag WithTable(params float[] table)
    {
        var bag = new MeanEmbeddingBag("bag", table.Length / 2, 2, new Random(1));
        table.CopyTo(bag.Embeddings.Value.Data, 0);
        return bag;
    }

    [Fact]
    public void Forward_is_the_mean_of_the_non_padding_ids_vectors()
    {
        var bag = WithTable(100, 100, 1, 2, 3, 4, 10, 20);

        var y = bag.Forward(new Tensor([1, 3, 0, 0, /**/ 2, 2, 3, 0, /**/ 3, 0, 0, 0], 3, 4), null);

        Assert.Equal([3, 2], y.Shape);
        Assert.Equal([(1 + 10) / 2f, (2 + 20) / 2f, (3 + 3 + 10) / 3f, (4 + 4 + 20) / 3f, 10, 20], y.Data);
    }

    [Fact]
    public void A_row_of_only_padding_pools_to_zeros_and_trains_nothing()
    {
        var bag = WithTable(100, 100, 1, 2);

        var y = bag.Forward(new Tensor([0, 0, 0, 1], 2, 2), new Random(1));
        bag.Backward(new Tensor([5, 6, 7, 8], 2, 2));

        Assert.Equal([0f, 0, 1, 2], y.Data);
        Assert.Equal([0f, 0, 7, 8], bag.Embeddings.Grad.Data); // padding's row 0 gets nothing
    }

    [Fact]
    public void Backward_gives_each_id_its_bags_gradient_over_the_bag_size_and_the_ids_none()
    {
        var bag = WithTable(0, 0, 1, 1, 2, 2, 3, 3);
        bag.Forward(new Tensor([1, 3, 1, 0], 1, 4), new Random(1));

        var dx = bag.Backward(new Tensor([3, 6], 1, 2));

        Assert.Equal([0f, 0, 2, 4, 0, 0, 1, 2], bag.Embeddings.Grad.Data);
        Assert.Equal([1, 4], dx.Shape);
        Assert.All(dx.Data, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var bag = new MeanEmbeddingBag("bag", 6, 3, new Random(1));
        var ids = new Tensor([0, 4, 4, 2, /**/ 1, 5, 0, 0, /**/ 0, 0, 0, 0], 3, 4);

        var results = GradientCheck.Check(new WithFixedIds(bag, ids), Tensor.Zeros(1, 1));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
        Assert.Contains(results, r => r.Where == "bag/embeddings" && r.Analytic != 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Onnx_export_matches_forward(int batch) =>
        OnnxParity.AssertMatches(new MeanEmbeddingBag("bag", 9, 5, new Random(2)), Bags(batch, 9, batch, 6));

    [Theory]
    [InlineData(1.5f)]
    [InlineData(-1f)]
    [InlineData(5f)]
    [InlineData(float.NaN)]
    public void An_id_that_is_not_an_integer_in_the_vocabulary_is_refused(float id)
    {
        var bag = new MeanEmbeddingBag("bag", 5, 2, new Random(1));

        var error = Assert.Throws<ArgumentException>(() => bag.Forward(new Tensor([1, id], 1, 2), null));

        Assert.Contains("[0, 5)", error.Message);
    }

    [Fact]
    public void Ids_of_another_rank_are_refused()
    {
        var bag = new MeanEmbeddingBag("bag", 5, 2, new Random(1));

        Assert.Throws<ArgumentException>(() => bag.Forward(new Tensor([0, 1], 2), null));
        Assert.Throws<ArgumentException>(() => bag.Forward(Tensor.Zeros(1, 2, 2), null));
    }

    /// <summary>Ids are not differentiable, so the check perturbs only the table: the layer's input is a dummy.</summary>
    private sealed class WithFixedIds(MeanEmbeddingBag inner, Tensor ids) : ILayer
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
