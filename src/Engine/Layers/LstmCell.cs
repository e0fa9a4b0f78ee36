using System.Numerics;
using System.Runtime.CompilerServices;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// The LSTM's element-wise gate math for one batch row of one step, a vector of units at a time: the four gate
/// activations, the new cell and hidden state forward; the pre-activation gradients and the carried cell gradient
/// backward. Units past the last whole vector take the same formulas one at a time.
/// </summary>
internal static class LstmCell
{
    /// <summary>
    /// Activates a row's gates in place (i, f, o sigmoid, c tanh; Keras' block order) and writes the new cell state,
    /// its tanh and the hidden state h = o · tanh(cell).
    /// </summary>
    /// <param name="gates">The row's pre-activations [4·units], overwritten with the activations.</param>
    /// <param name="previousCell">The cell state entering the step.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(Span<float> gates, ReadOnlySpan<float> previousCell, Span<float> cell, Span<float> tanhCell, Span<float> hidden)
    {
        var units = cell.Length;
        Span<float> i = gates[..units], f = gates.Slice(units, units), c = gates.Slice(2 * units, units), o = gates.Slice(3 * units, units);
        var u = 0;
        if (Vector.IsHardwareAccelerated)
            for (var w = Vector<float>.Count; u + w <= units; u += w)
            {
                var iv = Sigmoid(new Vector<float>(i[u..]));
                var fv = Sigmoid(new Vector<float>(f[u..]));
                var cv = Tanh(new Vector<float>(c[u..]));
                var ov = Sigmoid(new Vector<float>(o[u..]));
                iv.CopyTo(i[u..]);
                fv.CopyTo(f[u..]);
                cv.CopyTo(c[u..]);
                ov.CopyTo(o[u..]);
                var next = fv * new Vector<float>(previousCell[u..]) + iv * cv;
                var tanh = Tanh(next);
                next.CopyTo(cell[u..]);
                tanh.CopyTo(tanhCell[u..]);
                (ov * tanh).CopyTo(hidden[u..]);
            }
        for (; u < units; u++)
        {
            float iu = Sigmoid(i[u]), fu = Sigmoid(f[u]), cu = MathF.Tanh(c[u]), ou = Sigmoid(o[u]);
            (i[u], f[u], c[u], o[u]) = (iu, fu, cu, ou);
            var next = fu * previousCell[u] + iu * cu;
            var tanh = MathF.Tanh(next);
            cell[u] = next;
            tanhCell[u] = tanh;
            hidden[u] = ou * tanh;
        }
    }

    /// <summary>
    /// The gradients of a row's gate pre-activations from dh (the hidden state's gradient) and dCell (the cell gradient
    /// carried back from the next step, replaced by the one this step carries back, dc · f).
    /// </summary>
    /// <param name="gates">The row's activations as <see cref="Forward"/> left them.</param>
    /// <param name="previousCell">The cell state that entered the step.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> gates, ReadOnlySpan<float> previousCell, ReadOnlySpan<float> tanhCell,
        ReadOnlySpan<float> dh, Span<float> dCell, Span<float> dGates)
    {
        var units = dCell.Length;
        ReadOnlySpan<float> i = gates[..units], f = gates.Slice(units, units), c = gates.Slice(2 * units, units), o = gates.Slice(3 * units, units);
        Span<float> di = dGates[..units], df = dGates.Slice(units, units), dg = dGates.Slice(2 * units, units), dout = dGates.Slice(3 * units, units);
        var u = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<float>.One;
            for (var w = Vector<float>.Count; u + w <= units; u += w)
            {
                Vector<float> iv = new(i[u..]), fv = new(f[u..]), cv = new(c[u..]), ov = new(o[u..]);
                Vector<float> tanh = new(tanhCell[u..]), h = new(dh[u..]);
                var dc = new Vector<float>(dCell[u..]) + h * ov * (one - tanh * tanh);
                (dc * cv * iv * (one - iv)).CopyTo(di[u..]);
                (dc * new Vector<float>(previousCell[u..]) * fv * (one - fv)).CopyTo(df[u..]);
                (dc * iv * (one - cv * cv)).CopyTo(dg[u..]);
                (h * tanh * ov * (one - ov)).CopyTo(dout[u..]);
                (dc * fv).CopyTo(dCell[u..]);
            }
        }
        for (; u < units; u++)
        {
            var dc = dCell[u] + dh[u] * o[u] * (1 - tanhCell[u] * tanhCell[u]);
            di[u] = dc * c[u] * i[u] * (1 - i[u]);
            df[u] = dc * previousCell[u] * f[u] * (1 - f[u]);
            dg[u] = dc * i[u] * (1 - c[u] * c[u]);
            dout[u] = dh[u] * tanhCell[u] * o[u] * (1 - o[u]);
            dCell[u] = dc * f[u];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Vector.Exp(-x));

    /// <summary>tanh x = 1 − 2 / (e^2x + 1): ±1 where e^2x overflows or vanishes, never NaN for a finite x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Tanh(Vector<float> x) =>
        Vector<float>.One - new Vector<float>(2f) / (Vector.Exp(x + x) + Vector<float>.One);

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
