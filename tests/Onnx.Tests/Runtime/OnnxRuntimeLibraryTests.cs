using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Tests.Runtime;

public class OnnxRuntimeLibraryTests
{
    [Fact]
    public void A_configured_path_with_no_library_says_where_it_looked_and_how_to_get_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"iayos-no-ort-{Guid.NewGuid():N}", "libonnxruntime.so.1");

        var error = Assert.Throws<OnnxRuntimeLibraryException>(() => OnnxRuntimeLibrary.Load(missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("no such file", error.Message);
        Assert.Contains("scripts/test.sh", error.Message);
        Assert.Contains("scripts/up.sh", error.Message);
        Assert.Contains(OnnxRuntimeLibrary.ConfigurationKey, error.Message);
        Assert.Contains(OnnxRuntimeLibrary.EnvironmentVariable, error.Message);
        Assert.Single(error.SearchedLocations);
    }

    [Fact]
    public void A_configured_folder_means_the_library_inside_it()
    {
        var folder = Directory.CreateTempSubdirectory("iayos-ort-folder-").FullName;
        try
        {
            var error = Assert.Throws<OnnxRuntimeLibraryException>(() => OnnxRuntimeLibrary.Load(folder));
            Assert.Contains(Path.Combine(folder, OnnxRuntimeLibrary.LibraryFileName), error.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void The_library_loads_once_and_says_where_from_and_which_version()
    {
        var library = OnnxRuntimeLibrary.Load();

        Assert.Same(library, OnnxRuntimeLibrary.Load());
        Assert.Same(library, OnnxRuntimeLibrary.Load(library.LibraryPath));
        Assert.Equal("1.30.0", library.Version);
        Assert.EndsWith(OnnxRuntimeLibrary.LibraryFileName, library.LibraryPath);
    }

    [Fact]
    public void The_default_location_is_where_the_scripts_put_the_library()
    {
        Assert.EndsWith(Path.Combine("onnxruntime", "1.30.0", "libonnxruntime.so.1"), OnnxRuntimeLibrary.DefaultLibraryPath);
    }

    [Fact]
    public void Once_loaded_a_different_library_is_refused()
    {
        OnnxRuntimeLibrary.Load();
        var other = Path.Combine(Directory.CreateTempSubdirectory("iayos-ort-other-").FullName, OnnxRuntimeLibrary.LibraryFileName);
        File.WriteAllBytes(other, [0]);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => OnnxRuntimeLibrary.Load(other));
            Assert.Contains("already loaded", error.Message);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(other)!, recursive: true);
        }
    }
}
