using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.Models;

/// <summary>
/// A model kind's behaviour: how a request is validated, answered without a model, turned into the model's
/// input, and how the model's output becomes the response. The Gateway and the InferenceWorker both run this
/// code, so the two can never disagree.
/// </summary>
public abstract class ModelKind<TRequest, TResponse> : IModelKind
    where TRequest : class
    where TResponse : class
{
    public abstract string Name { get; }
    public abstract string Queue { get; }
    public abstract string PredictRoute { get; }
    public abstract string StatusRoute { get; }
    public virtual string? TrainRoute => null;
    public virtual bool IsDefault => false;
    public abstract string Summary { get; }
    public Type RequestType => typeof(TRequest);
    public Type ResponseType => typeof(TResponse);

    public abstract IModelFeatureSpec ParseFeatureSpec(string json);

    public TResult Accept<TResult>(IModelKindVisitor<TResult> visitor) => visitor.Visit(this);

    /// <summary>The request in canonical spellings, or the errors (keyed by snake_case field) that stop it.</summary>
    public abstract Validated<TRequest> Validate(TRequest request);

    /// <summary>The answer without a model (the seed's fallback), saying who answered in <paramref name="source"/>.</summary>
    public abstract TResponse Estimate(TRequest request, PredictionContext context, string source);

    /// <summary>The model's input row for a validated request.</summary>
    public abstract float[] Extract(TRequest request, IModelFeatureSpec spec, PredictionContext context);

    /// <summary>The response from the model's output row for that request.</summary>
    public abstract TResponse FromModel(ReadOnlySpan<float> output, IModelFeatureSpec spec, int version, TRequest request, PredictionContext context);

    /// <summary>The model's input rows for one request: by default its one row. A kind that answers from several runs
    /// (the request and variants of it, say) returns them all; <see cref="FromModelRows"/> then gets their outputs in order.</summary>
    public virtual IReadOnlyList<float[]> ExtractRows(TRequest request, IModelFeatureSpec spec, PredictionContext context) =>
        [Extract(request, spec, context)];

    /// <summary>The response from the outputs of <see cref="ExtractRows"/>'s rows, in their order.</summary>
    public virtual TResponse FromModelRows(IReadOnlyList<float[]> outputs, IModelFeatureSpec spec, int version, TRequest request, PredictionContext context) =>
        FromModel(outputs[0], spec, version, request, context);

    public override string ToString() => Name;
}

/// <summary>A kind whose feature spec has its own type: the casts live here, once.</summary>
public abstract class ModelKind<TRequest, TResponse, TSpec> : ModelKind<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
    where TSpec : class, IModelFeatureSpec
{
    public sealed override IModelFeatureSpec ParseFeatureSpec(string json) => Parse(json);

    public sealed override float[] Extract(TRequest request, IModelFeatureSpec spec, PredictionContext context) =>
        Extract(request, Typed(spec), context);

    public sealed override TResponse FromModel(ReadOnlySpan<float> output, IModelFeatureSpec spec, int version, TRequest request, PredictionContext context) =>
        FromModel(output, Typed(spec), version, request, context);

    protected abstract TSpec Parse(string json);

    protected abstract float[] Extract(TRequest request, TSpec spec, PredictionContext context);

    protected abstract TResponse FromModel(ReadOnlySpan<float> output, TSpec spec, int version, TRequest request, PredictionContext context);

    protected TSpec Typed(IModelFeatureSpec spec) => spec as TSpec
        ?? throw new ArgumentException($"A {Name} model needs a {typeof(TSpec).Name}, not a {spec.GetType().Name}.", nameof(spec));
}
