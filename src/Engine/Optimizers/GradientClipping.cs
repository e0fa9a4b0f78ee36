namespace iAyos.Messaging.Engine.Optimizers;

/// <summary>Gradient clipping by the global norm of all gradients together (Keras' global_clipnorm, PyTorch's clip_grad_norm_).</summary>
public static class GradientClipping
{
    /// <summary>√(Σ over every parameter of Σ g²), summed in float64 in parameter order.</summary>
    public static double GlobalNorm(IReadOnlyList<Parameter> parameters)
    {
        double sum = 0;
        foreach (var p in parameters)
            foreach (var g in p.Grad.Data) sum += (double)g * g;
        return Math.Sqrt(sum);
    }

    /// <summary>Scales every gradient by maxNorm / norm when the global norm exceeds <paramref name="maxNorm"/>,
    /// keeping their direction; returns the norm before clipping.</summary>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), "The clipping norm must be positive.");
        var norm = GlobalNorm(parameters);
        if (norm <= maxNorm || !double.IsFinite(norm)) return norm;
        var scale = (float)(maxNorm / norm);
        foreach (var p in parameters)
        {
            var g = p.Grad.Data;
            for (var i = 0; i < g.Length; i++) g[i] *= scale;
        }
        return norm;
    }
}
