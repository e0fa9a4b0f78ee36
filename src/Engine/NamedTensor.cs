namespace iAyos.Messaging.Engine;

/// <summary>A tensor of a model with the name it is saved and checked under.</summary>
public sealed record NamedTensor(string Name, Tensor Value);
