namespace iAyos.Messaging.Engine.Optimizers;

/// <summary>
/// Keras' <c>regularizers.l2(l2)</c> on every kernel (<see cref="Parameter.IsKernel"/>): the loss gains
/// l2 · Σ w², so each kernel's gradient gains 2 · l2 · w. Biases are left alone.
/// </summary>
public static class L2Regularization
{
    public static double Loss(IReadOnlyList<Parameter> parameters, double l2)
    {
        if (l2 == 0) return 0;
        double sum = 0;
        foreach (var p in parameters)
        {
            if (!p.IsKernel) continue;
            foreach (var w in p.Value.Data) sum += (double)w * w;
        }
        return l2 * sum;
    }

    public static void AddGradient(IReadOnlyList<Parameter> parameters, double l2)
    {
        if (l2 == 0) return;
        var scale = (float)(2 * l2);
        foreach (var p in parameters)
            if (p.IsKernel) MatrixMath.MultiplyAdd(scale, p.Value.Data, p.Grad.Data);
    }
}
