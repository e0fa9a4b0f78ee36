namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// ONNX Runtime's native library could not be found, loaded or used. The message says where it looked and how
/// to get the library; <see cref="SearchedLocations"/> lists the places with what happened at each.
/// </summary>
public sealed class OnnxRuntimeLibraryException : Exception
{
    public OnnxRuntimeLibraryException(string message, IReadOnlyList<string> searchedLocations) : base(message) =>
        SearchedLocations = searchedLocations;

    public IReadOnlyList<string> SearchedLocations { get; }
}
