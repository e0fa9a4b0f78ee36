namespace iAyos.Messaging.Predictions.Models;

/// <summary>What every fitted feature spec tells the server: the graph's input and output names.</summary>
public interface IModelFeatureSpec
{
    string InputName { get; }
    string OutputName { get; }
}
