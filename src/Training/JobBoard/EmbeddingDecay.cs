using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Optimizers;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// L2 on embedding tables, applied lazily: each step, only the rows the batch used (those with a gradient) gain
/// 2 · decay · w before the wrapped optimizer steps. Per-occurrence regularization, as factorization machines fit with
/// SGD have it: an id is shrunk each time it is seen, never while absent (a dense L2 through Adam would pull every
/// absent row towards zero at the full learning rate, since Adam normalizes the lone decay gradient).
/// </summary>
/// <remarks>The loss term the trainer reports is the wrapped optimizer's; this penalty, being per batch, is left out of it.</remarks>
public sealed class EmbeddingDecay(IOptimizer inner, IReadOnlyList<Parameter> tables, double decay) : IOptimizer
{
    private readonly Parameter[] _tables = [.. tables.Where(p => p.Value.Rank == 2)];

    public double LearningRate
    {
        get => inner.LearningRate;
        set => inner.LearningRate = value;
    }

    public long Iterations
    {
        get => inner.Iterations;
        set => inner.Iterations = value;
    }

    public IReadOnlyList<NamedTensor> Slots => inner.Slots;

    public double RegularizationLoss() => inner.RegularizationLoss();

    public void Step()
    {
        if (decay > 0)
        {
            var scale = (float)(2 * decay);
            foreach (var table in _tables)
            {
                var width = table.Value.Dim(1);
                var (w, g) = (table.Value.Data, table.Grad.Data);
                for (var row = 0; row < table.Value.Dim(0); row++)
                {
                    var gradient = g.AsSpan(row * width, width);
                    if (gradient.IndexOfAnyExcept(0f) < 0) continue; // not in this batch
                    MatrixMath.MultiplyAdd(scale, w.AsSpan(row * width, width), gradient);
                }
            }
        }
        inner.Step();
    }
}
