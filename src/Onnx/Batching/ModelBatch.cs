using System.Diagnostics;
using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Batching;

/// <summary>Runs rows of equal width through a session as one [rows, width] input and splits the output per row.</summary>
public static class ModelBatch
{
    public static float[][] Run(OnnxSession session, string inputName, string outputName, IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0) return [];
        var width = rows[0].Length;
        var input = new float[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != width)
                throw new ArgumentException($"Row {r} has {rows[r].Length} features, the batch {width}.", nameof(rows));
            rows[r].CopyTo(input, r * width);
        }
        var started = Stopwatch.GetTimestamp();
        var output = session.Run(inputName, new OnnxTensor(input, rows.Count, width), [outputName])[0].Data;
        BatchMetrics.Ran(rows.Count, Stopwatch.GetElapsedTime(started));
        if (output.Length % rows.Count != 0)
            throw new ArgumentException($"The model returned {output.Length} values for {rows.Count} rows.");
        var perRow = output.Length / rows.Count;
        var results = new float[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
            results[r] = output.AsSpan(r * perRow, perRow).ToArray();
        return results;
    }
}
