using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace iAyos.Messaging.Engine.Optimizers;

/// <summary>
/// Adam as Keras implements it (defaults β1 0.9, β2 0.999, ε 1e-7): m ← m + (g − m)(1 − β1),
/// v ← v + (g² − v)(1 − β2), w ← w − α · m / (√v + ε) with α = lr · √(1 − β2ᵗ) / (1 − β1ᵗ). Before the update the
/// gradient gains L2's 2 · l2 · w on kernels (<see cref="L2Regularization"/>) and is then clipped to
/// <see cref="GlobalClipNorm"/> if set, the order Keras applies them in (the penalty is part of the loss).
/// <see cref="WeightDecay"/> is PyTorch's Adam(weight_decay): after clipping, every parameter's gradient (biases and
/// recurrent kernels too) gains weightDecay · w inside the update, as torch.optim.Adam does after clip_grad_norm_; that
/// term is not written back to Grad.
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _m;
    private readonly Tensor[] _v;
    private readonly (int Parameter, int Start, int Length)[] _chunks;
    private double _learningRate;

    public Adam(IReadOnlyList<Parameter> parameters, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-7, double l2 = 0, double? globalClipNorm = null, double weightDecay = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(beta1 is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), "β1 must be in [0, 1).");
        if (!(beta2 is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), "β2 must be in [0, 1).");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must be positive.");
        if (!(l2 >= 0)) throw new ArgumentOutOfRangeException(nameof(l2), "The L2 factor must be zero or positive.");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), "The weight decay must be zero or positive.");
        if (globalClipNorm is { } c && !(c > 0)) throw new ArgumentOutOfRangeException(nameof(globalClipNorm), "The clipping norm must be positive.");
        _parameters = [.. parameters];
        _m = [.. _parameters.Select(p => Tensor.ZerosLike(p.Value))];
        _v = [.. _parameters.Select(p => Tensor.ZerosLike(p.Value))];
        _chunks = Chunks(_parameters);
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        L2 = l2;
        GlobalClipNorm = globalClipNorm;
        WeightDecay = weightDecay;
        Slots = [.. _parameters.Select((p, i) => new NamedTensor($"{p.Name}/m", _m[i])),
                 .. _parameters.Select((p, i) => new NamedTensor($"{p.Name}/v", _v[i]))];
    }

    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), "The learning rate must be positive and finite.");
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }
    public double L2 { get; }
    public double? GlobalClipNorm { get; }
    public double WeightDecay { get; }
    public long Iterations { get; set; }

    /// <summary>First moments of every parameter, then second moments.</summary>
    public IReadOnlyList<NamedTensor> Slots { get; }

    public double RegularizationLoss() => L2Regularization.Loss(_parameters, L2);

    public void Step()
    {
        L2Regularization.AddGradient(_parameters, L2);
        // Clipping's scale is applied inside the update (and the clipped gradient written back to Grad there), which
        // saves a pass over every gradient; the values are those of clipping first.
        var scale = GlobalClipNorm is { } maxNorm ? GradientClipping.Scale(GradientClipping.GlobalNorm(_parameters), maxNorm) : 1f;
        Iterations++;
        var alpha = (float)(LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, Iterations)) / (1 - Math.Pow(Beta1, Iterations)));
        var (b1, b2, e, decay) = ((float)(1 - Beta1), (float)(1 - Beta2), (float)Epsilon, (float)WeightDecay);
        void Run((int Parameter, int Start, int Length) chunk)
        {
            var (i, start, length) = chunk;
            Update(_parameters[i].Value.Data.AsSpan(start, length), _parameters[i].Grad.Data.AsSpan(start, length),
                _m[i].Data.AsSpan(start, length), _v[i].Data.AsSpan(start, length), alpha, b1, b2, e, decay, scale);
        }
        // Every element's update is independent of the others: big models split it across cores (embedding tables
        // make this the largest part of a step) without changing any value.
        if (_chunks.Length > 1 && Environment.ProcessorCount > 1)
            Parallel.For(0, _chunks.Length, c => Run(_chunks[c]));
        else
            foreach (var chunk in _chunks) Run(chunk);
    }

    /// <summary>Elements per unit of parallel work: big enough that scheduling it costs far less than updating it.</summary>
    private const int ChunkSize = 1 << 15;

    /// <summary>The parameters cut into runs of at most <see cref="ChunkSize"/> elements, in order.</summary>
    private static (int Parameter, int Start, int Length)[] Chunks(Parameter[] parameters)
    {
        var chunks = new List<(int, int, int)>();
        for (var i = 0; i < parameters.Length; i++)
            for (var start = 0; start < parameters[i].Value.Length; start += ChunkSize)
                chunks.Add((i, start, Math.Min(ChunkSize, parameters[i].Value.Length - start)));
        return [.. chunks];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Update(Span<float> w, Span<float> g, Span<float> m, Span<float> v, float alpha, float oneMinusBeta1, float oneMinusBeta2, float epsilon,
        float decay, float scale)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated && w.Length >= Vector512<float>.Count)
        {
            // Twice the lanes where the processor has them; each lane does the same operations, so no value changes.
            var count = w.Length / Vector512<float>.Count;
            Vector512<float> d = Vector512.Create(decay), s = Vector512.Create(scale);
            Vector512<float> a = Vector512.Create(alpha), b1 = Vector512.Create(oneMinusBeta1), b2 = Vector512.Create(oneMinusBeta2), e = Vector512.Create(epsilon);
            ref var wr = ref MemoryMarshal.GetReference(w);
            ref var gr = ref MemoryMarshal.GetReference(g);
            ref var mr = ref MemoryMarshal.GetReference(m);
            ref var vr = ref MemoryMarshal.GetReference(v);
            for (nuint k = 0; k < (nuint)(count * Vector512<float>.Count); k += (nuint)Vector512<float>.Count)
            {
                var gk = Vector512.LoadUnsafe(ref gr, k);
                var mk = Vector512.LoadUnsafe(ref mr, k);
                var vk = Vector512.LoadUnsafe(ref vr, k);
                var wk = Vector512.LoadUnsafe(ref wr, k);
                if (scale != 1f)
                {
                    gk *= s;
                    gk.StoreUnsafe(ref gr, k);
                }
                if (decay != 0) gk += d * wk;
                mk += (gk - mk) * b1;
                vk += (gk * gk - vk) * b2;
                wk -= a * mk / (Vector512.Sqrt(vk) + e);
                mk.StoreUnsafe(ref mr, k);
                vk.StoreUnsafe(ref vr, k);
                wk.StoreUnsafe(ref wr, k);
            }
            i = count * Vector512<float>.Count;
        }
        else if (Vector.IsHardwareAccelerated && w.Length >= Vector<float>.Count)
        {
            var count = w.Length / Vector<float>.Count;
            var ws = MemoryMarshal.Cast<float, Vector<float>>(w)[..count];
            var gs = MemoryMarshal.Cast<float, Vector<float>>(g)[..count];
            var ms = MemoryMarshal.Cast<float, Vector<float>>(m)[..count];
            var vs = MemoryMarshal.Cast<float, Vector<float>>(v)[..count];
            Vector<float> a = new(alpha), b1 = new(oneMinusBeta1), b2 = new(oneMinusBeta2), e = new(epsilon), d = new(decay), s = new(scale);
            for (var k = 0; k < count; k++)
            {
                var gk = gs[k];
                if (scale != 1f) gs[k] = gk *= s;
                if (decay != 0) gk += d * ws[k];
                ms[k] += (gk - ms[k]) * b1;
                vs[k] += (gk * gk - vs[k]) * b2;
                ws[k] -= a * ms[k] / (Vector.SquareRoot(vs[k]) + e);
            }
            i = count * Vector<float>.Count;
        }
        // Same operations in the same order as the vector lanes, so results do not depend on SIMD width.
        for (; i < w.Length; i++)
        {
            var gi = g[i];
            if (scale != 1f) g[i] = gi *= scale;
            if (decay != 0) gi += decay * w[i];
            m[i] += (gi - m[i]) * oneMinusBeta1;
            v[i] += (gi * gi - v[i]) * oneMinusBeta2;
            w[i] -= alpha * m[i] / (MathF.Sqrt(v[i]) + epsilon);
        }
    }
}
