using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.InferenceWorker.Models;

/// <summary>
/// Answers one request from the active model of a kind, through the configured runner (batched or not).
/// Null means the caller's estimator answers: no model is active, or the model failed on this request.
/// </summary>
public sealed class ModelPredictor(ActiveModels models, IModelRunner runner, ILogger<ModelPredictor> logger)
{
    public async Task<TResult?> TryPredictAsync<TSpec, TResult>(string kind, Func<TSpec, float[]> extract, Func<float[], TSpec, int, TResult> toResult)
        where TSpec : class, IModelFeatureSpec
        where TResult : class
    {
        for (var attempt = 0; ; attempt++)
        {
            if (models.Get(kind) is not { Features: TSpec spec } model) return null;
            try
            {
                var output = await runner.RunAsync(model, spec.InputName, spec.OutputName, extract(spec));
                return toResult(output, spec, model.Version);
            }
            catch (ObjectDisposedException) when (attempt == 0 && !ReferenceEquals(models.Get(kind), model))
            {
                // Activation swapped the version while this row waited: the new one answers (its own features).
            }
            catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
            {
                logger.LogError("{Kind} model v{Version} failed on a request, answering from the fallback: {Reason}", kind, model.Version, ex.Message);
                return null;
            }
        }
    }

    /// <summary>Rows that arrived together (a batch request, a bus batch) as one run; null when the estimator
    /// answers them all.</summary>
    public IReadOnlyList<TResult>? TryPredictBatch<TSpec, TResult>(string kind, Func<TSpec, int, float[]> extract, int rows,
        Func<float[], TSpec, int, int, TResult> toResult)
        where TSpec : class, IModelFeatureSpec
    {
        if (rows == 0 || models.Get(kind) is not { Features: TSpec spec } model) return null;
        try
        {
            var features = Enumerable.Range(0, rows).Select(r => extract(spec, r)).ToList();
            var outputs = ModelBatch.Run(model, spec.InputName, spec.OutputName, features);
            return outputs.Select((output, r) => toResult(output, spec, model.Version, r)).ToList();
        }
        catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
        {
            logger.LogError("{Kind} model v{Version} failed on a batch of {Rows}, answering from the fallback: {Reason}", kind, model.Version, rows, ex.Message);
            return null;
        }
    }
}
