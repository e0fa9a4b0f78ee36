using System.Runtime.InteropServices;

namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// ONNX Runtime's native library, loaded once per process. It is looked for at the configured path if there is
/// one (<c>OnnxRuntime:LibraryPath</c>, or the environment variable <c>OnnxRuntime__LibraryPath</c>), otherwise
/// at the default location that <c>scripts/test.sh</c> and <c>scripts/up.sh</c> fill, then on the system
/// loader's search path. When it is missing, <see cref="Load"/> throws an <see cref="OnnxRuntimeLibraryException"/>
/// that lists every place it looked.
/// </summary>
public sealed unsafe class OnnxRuntimeLibrary
{
    public const string ConfigurationKey = "OnnxRuntime:LibraryPath";
    public const string EnvironmentVariable = "OnnxRuntime__LibraryPath";
    public const string LibraryFileName = "libonnxruntime.so.1";

    /// <summary>The ONNX Runtime release the project is built and tested against.</summary>
    public const string ExpectedVersion = "1.30.0";

    /// <summary>
    /// The C API version asked of <c>GetApi</c>: the lowest that has every function this binding calls (the last
    /// one, AddSessionConfigEntry, arrived in version 5). Any ONNX Runtime from 1.5 on provides it.
    /// </summary>
    public const uint ApiVersion = 5;

    private static readonly Lock Gate = new();
    private static OnnxRuntimeLibrary? _loaded;

    private OnnxRuntimeLibrary(string libraryPath, string version, IntPtr apiBase, OrtApi api)
    {
        LibraryPath = libraryPath;
        Version = version;
        ApiBase = apiBase;
        Api = api;
    }

    /// <summary>Where the library was loaded from (a bare file name when the system loader found it).</summary>
    public string LibraryPath { get; }

    /// <summary>ONNX Runtime's own version string (<c>OrtApiBase::GetVersionString</c>), e.g. "1.30.0".</summary>
    public string Version { get; }

    /// <summary>The <c>const OrtApiBase*</c> that <c>OrtGetApiBase</c> returned.</summary>
    internal IntPtr ApiBase { get; }

    internal OrtApi Api { get; }

    /// <summary>
    /// <c>$IAYOS_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/iayos</c>, else <c>$HOME/.cache/iayos</c>, then
    /// <c>onnxruntime/1.30.0/libonnxruntime.so.1</c>: where the scripts put the library (scripts/lib/onnxruntime.sh).
    /// </summary>
    public static string DefaultLibraryPath
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("IAYOS_CACHE_DIR");
            if (string.IsNullOrEmpty(cache))
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                var home = Environment.GetEnvironmentVariable("HOME");
                if (string.IsNullOrEmpty(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                cache = Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".cache") : xdg, "iayos");
            }
            return Path.Combine(cache, "onnxruntime", ExpectedVersion, LibraryFileName);
        }
    }

    /// <summary>
    /// Loads the library (once per process) and returns it. With no <paramref name="configuredPath"/> an
    /// already loaded library is returned as is; a configured path must name that same library.
    /// </summary>
    /// <param name="configuredPath">The configured <c>OnnxRuntime:LibraryPath</c>: the library file or its folder.
    /// Null or empty: the environment variable, then the default locations.</param>
    public static OnnxRuntimeLibrary Load(string? configuredPath = null)
    {
        lock (Gate)
        {
            if (_loaded is not null && string.IsNullOrEmpty(configuredPath)) return _loaded;

            var candidates = Candidates(configuredPath);
            if (_loaded is not null)
                return SameAsLoaded(_loaded, candidates[0]);

            var looked = new List<string>();
            foreach (var candidate in candidates)
            {
                if (candidate.IsFile && !File.Exists(candidate.Location))
                {
                    looked.Add($"{candidate.Location} ({candidate.Source}): no such file");
                    continue;
                }
                try
                {
                    var handle = NativeLibrary.Load(candidate.Location);
                    return _loaded = Bind(handle, candidate.Location, looked);
                }
                catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                {
                    looked.Add($"{candidate.Location} ({candidate.Source}): could not be loaded: {LoaderReason(e)}");
                }
            }
            throw NotFound(looked);
        }
    }

    private static OnnxRuntimeLibrary SameAsLoaded(OnnxRuntimeLibrary loaded, Candidate configured)
    {
        if (!File.Exists(configured.Location))
            throw NotFound([$"{configured.Location} ({configured.Source}): no such file"]);
        if (Path.GetFullPath(configured.Location) == Path.GetFullPath(loaded.LibraryPath))
            return loaded;
        throw new InvalidOperationException(
            $"ONNX Runtime is already loaded from {loaded.LibraryPath}; this process cannot also load {configured.Location}. " +
            "Load it once, at start-up, from the configured path.");
    }

    private static Candidate[] Candidates(string? configuredPath)
    {
        if (!string.IsNullOrEmpty(configuredPath))
            return [Configured(configuredPath, $"configured {ConfigurationKey}")];

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
            return [Configured(fromEnvironment, $"environment variable {EnvironmentVariable}")];

        return
        [
            new Candidate(DefaultLibraryPath, "default location, filled by scripts/test.sh and scripts/up.sh", IsFile: true),
            new Candidate(LibraryFileName, "the system loader's search path: LD_LIBRARY_PATH, ld.so.cache, /lib, /usr/lib", IsFile: false),
        ];
    }

    /// <summary>A configured folder means the library file inside it.</summary>
    private static Candidate Configured(string path, string source) =>
        Directory.Exists(path)
            ? new Candidate(Path.Combine(path, LibraryFileName), $"{source} = {path} (a folder)", IsFile: true)
            : new Candidate(path, source, IsFile: true);

    /// <summary>.NET's message ends with the system loader's own reason (dlerror) on its last line.</summary>
    private static string LoaderReason(Exception e) =>
        e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? e.GetType().Name;

    private static OnnxRuntimeLibraryException NotFound(IReadOnlyList<string> looked) => new(
        $"ONNX Runtime's native library ({LibraryFileName}, version {ExpectedVersion}) was not found. Looked at:" +
        string.Concat(looked.Select(l => $"{Environment.NewLine}  - {l}")) + Environment.NewLine +
        $"Run scripts/test.sh or scripts/up.sh, which fetch it into {Path.GetDirectoryName(DefaultLibraryPath)} " +
        $"(from the npm package onnxruntime-node@{ExpectedVersion}), or set {ConfigurationKey} " +
        $"(environment variable {EnvironmentVariable}) to the library's path.",
        looked);

    // ---- Interop: OrtGetApiBase -> OrtApiBase -> GetApi ---------------------------------------------------------

    /// <summary>
    /// The library's only entry point we need is <c>const OrtApiBase* OrtGetApiBase(void)</c>. OrtApiBase is a
    /// struct of two function pointers: slot 0 <c>const OrtApi* GetApi(uint32_t version)</c> (null for a version
    /// this build does not provide), slot 1 <c>const char* GetVersionString(void)</c> (static storage).
    /// </summary>
    private static OnnxRuntimeLibrary Bind(IntPtr library, string location, List<string> looked)
    {
        try
        {
            if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var export))
            {
                looked.Add($"{location}: loaded, but it exports no OrtGetApiBase, so it is not ONNX Runtime");
                throw NotFound(looked);
            }
            var apiBase = ((delegate* unmanaged<IntPtr>)export)();
            var version = ReadVersion(apiBase);
            return new OnnxRuntimeLibrary(location, version, apiBase, CreateApi(apiBase, ApiVersion, location));
        }
        catch
        {
            NativeLibrary.Free(library);
            throw;
        }
    }

    internal static string ReadVersion(IntPtr apiBase)
    {
        var getVersionString = (delegate* unmanaged<byte*>)((IntPtr*)apiBase)[1];
        return Marshal.PtrToStringUTF8((IntPtr)getVersionString()) ?? "";
    }

    /// <summary>Asks <c>GetApi</c> for <paramref name="version"/>; a null table is a clear error, never a crash later.</summary>
    internal static OrtApi CreateApi(IntPtr apiBase, uint version, string location)
    {
        var getApi = (delegate* unmanaged<uint, IntPtr>)((IntPtr*)apiBase)[0];
        var table = getApi(version);
        if (table == IntPtr.Zero)
            throw new OnnxRuntimeLibraryException(
                $"ONNX Runtime {ReadVersion(apiBase)} at {location} does not provide C API version {version} " +
                $"(GetApi returned null). This binding needs ONNX Runtime 1.{version} or newer; the project uses {ExpectedVersion}.",
                [location]);
        return new OrtApi(table);
    }

    private readonly record struct Candidate(string Location, string Source, bool IsFile);
}
