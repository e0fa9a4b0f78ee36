using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Onnx.Batching;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Platform.Metrics;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.Text;

namespace iAyos.Messaging.InferenceWorker.Models;

/// <summary>
/// Answers validated requests of any kind: from the kind's active model through the configured runner (batched
/// or not), or from the kind's estimator ("source": "fallback") when no model is active or the model fails.
/// </summary>
public sealed class ModelPredictor(ActiveModels models, IModelRunner runner, ICategoryCatalogProvider categories, TimeProvider clock,
    ILogger<ModelPredictor> logger, ITextEmbedder? text = null)
{
    public async Task<TResponse> AnswerAsync<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, TRequest request)
        where TRequest : class
        where TResponse : class
    {
        var context = Context();
        if (await TryPredictAsync(kind, request, context) is { } predicted)
        {
            PredictionMetrics.Produced(kind.Name, PredictionSources.Model);
            return predicted;
        }
        PredictionMetrics.Produced(kind.Name, PredictionSources.Fallback);
        return kind.Estimate(request, context, PredictionSources.Fallback);
    }

    /// <summary>Rows that arrived together (a batch request, a bus batch), in order, answered by one model run.</summary>
    public IReadOnlyList<TResponse> AnswerBatch<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, IReadOnlyList<TRequest> requests)
        where TRequest : class
        where TResponse : class
    {
        var context = Context();
        if (TryPredictBatch(kind, requests, context) is { } predicted)
        {
            PredictionMetrics.Produced(kind.Name, PredictionSources.Model, predicted.Count);
            return predicted;
        }
        PredictionMetrics.Produced(kind.Name, PredictionSources.Fallback, requests.Count);
        return requests.Select(r => kind.Estimate(r, context, PredictionSources.Fallback)).ToList();
    }

    private PredictionContext Context() => new(categories.Current, clock.GetUtcNow(), text);

    /// <summary>Null means the estimator answers: no model is active, or the model failed on this request.</summary>
    private async Task<TResponse?> TryPredictAsync<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, TRequest request, PredictionContext context)
        where TRequest : class
        where TResponse : class
    {
        for (var attempt = 0; ; attempt++)
        {
            if (models.Get(kind.Name) is not { } model) return null;
            try
            {
                var spec = model.Features;
                var rows = kind.ExtractRows(request, spec, context);
                var outputs = await Task.WhenAll(rows.Select(row => runner.RunAsync(model.Session, spec.InputName, spec.OutputName, row)));
                return kind.FromModelRows(outputs, spec, model.Version, request, context);
            }
            catch (ObjectDisposedException) when (attempt == 0 && !ReferenceEquals(models.Get(kind.Name), model))
            {
                // Activation swapped the version while this row waited: the new one answers (its own features).
            }
            catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
            {
                logger.LogError("{Kind} model v{Version} failed on a request, answering from the fallback: {Reason}", kind.Name, model.Version, ex.Message);
                return null;
            }
        }
    }

    private List<TResponse>? TryPredictBatch<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, IReadOnlyList<TRequest> requests, PredictionContext context)
        where TRequest : class
        where TResponse : class
    {
        if (requests.Count == 0 || models.Get(kind.Name) is not { } model) return null;
        try
        {
            var spec = model.Features;
            // Every request's rows in one run; each request then reads back its own slice of the outputs.
            var rowsPerRequest = requests.Select(r => kind.ExtractRows(r, spec, context)).ToList();
            var outputs = ModelBatch.Run(model.Session, spec.InputName, spec.OutputName, rowsPerRequest.SelectMany(rows => rows).ToList());
            var responses = new List<TResponse>(requests.Count);
            var first = 0;
            for (var r = 0; r < requests.Count; r++)
            {
                var count = rowsPerRequest[r].Count;
                responses.Add(kind.FromModelRows(new ArraySegment<float[]>(outputs, first, count), spec, model.Version, requests[r], context));
                first += count;
            }
            return responses;
        }
        catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
        {
            logger.LogError("{Kind} model v{Version} failed on a batch of {Rows}, answering from the fallback: {Reason}", kind.Name, model.Version, requests.Count, ex.Message);
            return null;
        }
    }
}
