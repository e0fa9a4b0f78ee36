namespace iAyos.Messaging.Predictions.Models;

/// <summary>
/// A kind of model the TrainingWorker trains and the registry versions: its name, its own train route, and how its
/// fitted feature spec is read. Training, the registry endpoints, activation and loading work through this alone.
/// A kind answered by the InferenceWorker is an <see cref="IModelKind"/>; one that serves inside another worker
/// (the cleaning marketplace's networks, inside the ScoringWorker) is only this.
/// </summary>
public interface ITrainedKind
{
    /// <summary>As in URLs and the model registry, e.g. <c>price-budget</c>.</summary>
    string Name { get; }

    /// <summary>Under <c>/api/ml</c>: a train route of its own, or null when only <c>/api/ml/train</c> names it.</summary>
    string? TrainRoute { get; }

    /// <summary>What <c>/api/ml/train</c> and <c>/api/ml/batch-predict</c> mean when no kind is named (the seed's default).</summary>
    bool IsDefault { get; }

    /// <summary>Reads the feature-extractor JSON a trained version was registered with.</summary>
    /// <exception cref="System.Text.Json.JsonException">The JSON is not this kind's spec.</exception>
    IModelFeatureSpec ParseFeatureSpec(string json);
}

/// <summary>
/// One prediction kind, described once: its name, where its requests queue, its HTTP routes, and how its fitted
/// feature spec is read. Generic code (status, batch, activation, reload, training runs) works through this
/// and never names a kind; code that needs the request and response types goes through <see cref="Accept{TResult}"/>.
/// </summary>
public interface IModelKind : ITrainedKind
{
    /// <summary>The InferenceWorker queue its single predictions wait on; pinned, because ops scale on its depth.</summary>
    string Queue { get; }

    /// <summary>Under <c>/api/ml</c>: the seed's prediction route, e.g. <c>/predict-price</c>.</summary>
    string PredictRoute { get; }

    /// <summary>Under <c>/api/ml</c>: the seed's status route, e.g. <c>/price-model-status</c>.</summary>
    string StatusRoute { get; }

    /// <summary>One line for the API description of its prediction route.</summary>
    string Summary { get; }

    Type RequestType { get; }

    Type ResponseType { get; }

    /// <summary>Hands the typed descriptor to code that is generic in the request and response types.</summary>
    TResult Accept<TResult>(IModelKindVisitor<TResult> visitor);
}

/// <summary>Code generic in a kind's request and response types (registering request clients, endpoints, consumers).</summary>
public interface IModelKindVisitor<out TResult>
{
    TResult Visit<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
        where TRequest : class
        where TResponse : class;
}
