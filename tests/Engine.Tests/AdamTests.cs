using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Optimizers;

namespace iAyos.Messaging.Engine.Tests;

public class AdamTests
{
    private static Parameter Param(string name, bool isKernel, params float[] values) => new(name, new Tensor(values, values.Length), isKernel);

    private static void SetGrad(Parameter p, params float[] g) => g.CopyTo(p.Grad.Data, 0);

    [Fact]
    public void Two_steps_match_keras_adam_computed_by_hand()
    {
        // Keras: m += (g - m)(1 - b1); v += (g² - v)(1 - b2); w -= lr·√(1 - b2ᵗ)/(1 - b1ᵗ) · m / (√v + 1e-7),
        // evaluated in float64 for w = [1, -2], lr 0.1, g₁ = [0.5, -0.1], g₂ = [0.2, 0.3].
        var w = Param("w", isKernel: true, 1f, -2f);
        var adam = new Adam([w], learningRate: 0.1);

        SetGrad(w, 0.5f, -0.1f);
        adam.Step();
        Assert.Equal(0.9000006324515321, w.Value.Data[0], 1e-6);
        Assert.Equal(-1.9000031621776634, w.Value.Data[1], 1e-6);

        SetGrad(w, 0.2f, 0.3f);
        adam.Step();
        Assert.Equal(0.8101436398802739, w.Value.Data[0], 1e-6);
        Assert.Equal(-1.9494216512977696, w.Value.Data[1], 1e-6);
        Assert.Equal(2, adam.Iterations);
        Assert.Equal(0.065, adam.Slots[0].Value.Data[0], 1e-7); // first moment
        Assert.Equal(0.00028975, adam.Slots[1].Value.Data[0], 1e-9); // second moment
    }

    [Fact]
    public void A_long_vector_updates_every_element_like_a_short_one()
    {
        // The SIMD body and the scalar tail must agree: 37 copies of the same weight and gradient stay equal.
        var w = Param("w", isKernel: true, [.. Enumerable.Repeat(1.5f, 37)]);
        var adam = new Adam([w], learningRate: 0.01);
        for (var step = 0; step < 3; step++)
        {
            SetGrad(w, [.. Enumerable.Repeat(0.25f, 37)]);
            adam.Step();
        }
        Assert.All(w.Value.Data, x => Assert.Equal(w.Value.Data[0], x));
        Assert.NotEqual(1.5f, w.Value.Data[0]);
    }

    [Fact]
    public void A_table_split_across_cores_updates_every_element_as_a_lone_element_would()
    {
        // 100,003 elements are several units of parallel work (with vector bodies and scalar tails); each element
        // must end exactly where a one-element parameter with the same weight and gradients ends.
        const int length = 100_003;
        var random = new Random(3);
        var big = Param("big", isKernel: false, [.. Enumerable.Range(0, length).Select(_ => (float)random.NextDouble())]);
        var adam = new Adam([big], learningRate: 0.01);
        var start = (float[])big.Value.Data.Clone();
        var gradients = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();
        foreach (var g in gradients)
        {
            SetGrad(big, g);
            adam.Step();
        }

        foreach (var i in new[] { 0, 1, 15, 16, 32_767, 32_768, 65_536, length - 3, length - 1 })
        {
            var lone = Param("lone", isKernel: false, start[i]);
            var reference = new Adam([lone], learningRate: 0.01);
            foreach (var g in gradients)
            {
                SetGrad(lone, g[i]);
                reference.Step();
            }
            Assert.Equal(lone.Value.Data[0], big.Value.Data[i]);
        }
    }

    [Fact]
    public void L2_adds_two_l2_w_to_kernel_gradients_only()
    {
        var kernel = Param("kernel", isKernel: true, 2f, -3f);
        var bias = Param("bias", isKernel: false, 4f);
        SetGrad(kernel, 0.5f, 0.5f);
        SetGrad(bias, 0.5f);
        var adam = new Adam([kernel, bias], l2: 0.01);

        adam.Step();

        Assert.Equal(0.5 + 2 * 0.01 * 2, kernel.Grad.Data[0], 6);
        Assert.Equal(0.5 + 2 * 0.01 * -3, kernel.Grad.Data[1], 6);
        Assert.Equal(0.5f, bias.Grad.Data[0]);
    }

    [Fact]
    public void L2_loss_is_l2_times_the_sum_of_squared_kernel_weights()
    {
        var adam = new Adam([Param("kernel", isKernel: true, 2f, -3f), Param("bias", isKernel: false, 4f)], l2: 0.01);

        Assert.Equal(0.01 * (4 + 9), adam.RegularizationLoss(), 9);
        Assert.Equal(0, new Adam([Param("kernel", isKernel: true, 2f)]).RegularizationLoss());
    }

    [Fact]
    public void Global_norm_clipping_scales_all_gradients_together()
    {
        var a = Param("a", isKernel: true, 0f);
        var b = Param("b", isKernel: false, 0f, 0f);
        SetGrad(a, 3f);
        SetGrad(b, 0f, 4f);

        var norm = GradientClipping.ClipByGlobalNorm([a, b], maxNorm: 1);

        Assert.Equal(5, norm, 9);
        Assert.Equal(0.6f, a.Grad.Data[0], 6);
        Assert.Equal(0.8f, b.Grad.Data[1], 6);
    }

    [Fact]
    public void Global_norm_clipping_leaves_small_gradients_alone()
    {
        var a = Param("a", isKernel: true, 0f, 0f);
        SetGrad(a, 0.3f, 0.4f);

        GradientClipping.ClipByGlobalNorm([a], maxNorm: 1);

        Assert.Equal([0.3f, 0.4f], a.Grad.Data);
    }

    [Fact]
    public void Adam_clips_after_adding_the_l2_gradient()
    {
        // g = 0 + 2·0.5·w = [3, 4] (norm 5), clipped to norm 1.
        var w = Param("w", isKernel: true, 3f, 4f);
        var adam = new Adam([w], l2: 0.5, globalClipNorm: 1);

        adam.Step();

        Assert.Equal(0.6f, w.Grad.Data[0], 6);
        Assert.Equal(0.8f, w.Grad.Data[1], 6);
    }

    [Fact]
    public void Weight_decay_follows_torch_adam_on_every_parameter_after_clipping()
    {
        // torch: clip_grad_norm_ first, then Adam's step adds weight_decay · w to each gradient, biases included.
        // g = [3, 4] (norm 5) -> clipped [0.6, 0.8]; bias g = 0 -> 0; then + 0.1 · w.
        var kernel = Param("kernel", isKernel: true, 2f, -1f);
        var bias = Param("bias", isKernel: false, 0.5f);
        SetGrad(kernel, 3f, 4f);
        var adam = new Adam([kernel, bias], learningRate: 0.1, weightDecay: 0.1, globalClipNorm: 1);
        var reference = new[] { Param("k", isKernel: true, 2f, -1f), Param("b", isKernel: false, 0.5f) };
        SetGrad(reference[0], 0.6f + 0.1f * 2f, 0.8f + 0.1f * -1f);
        SetGrad(reference[1], 0.1f * 0.5f);

        adam.Step();
        new Adam(reference, learningRate: 0.1).Step();

        Assert.Equal(reference[0].Value.Data[0], kernel.Value.Data[0], 6);
        Assert.Equal(reference[0].Value.Data[1], kernel.Value.Data[1], 6);
        Assert.Equal(reference[1].Value.Data[0], bias.Value.Data[0], 6);
        Assert.Equal([0.6f, 0.8f], kernel.Grad.Data); // the clipped gradient, without the decay term
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([], weightDecay: -1));
    }

    [Fact]
    public void Clipping_inside_a_step_matches_clipping_first_over_vector_bodies_and_tails()
    {
        // 70,000 elements: runs of 32,768 and a tail; the clipped update must be that of pre-clipped gradients.
        var values = Enumerable.Range(0, 70_000).Select(i => (float)Math.Sin(i)).ToArray();
        var gradients = Enumerable.Range(0, 70_000).Select(i => (float)Math.Cos(i * 0.7)).ToArray();
        var (w, clippedFirst) = (Param("w", isKernel: true, [.. values]), Param("w", isKernel: true, [.. values]));
        SetGrad(w, gradients);
        SetGrad(clippedFirst, gradients);

        new Adam([w], globalClipNorm: 2).Step();
        var norm = GradientClipping.ClipByGlobalNorm([clippedFirst], 2);
        new Adam([clippedFirst]).Step();

        Assert.Equal(Math.Sqrt(gradients.Sum(g => (double)g * g)), norm, 6);
        Assert.Equal(clippedFirst.Grad.Data, w.Grad.Data);
        Assert.Equal(clippedFirst.Value.Data, w.Value.Data);
    }

    [Fact]
    public void Learning_rate_is_settable_and_must_be_positive()
    {
        var adam = new Adam([Param("w", isKernel: true, 1f)]) { LearningRate = 0.5 };

        Assert.Equal(0.5, adam.LearningRate);
        Assert.Throws<ArgumentOutOfRangeException>(() => adam.LearningRate = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([], globalClipNorm: -1));
    }
}
