using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Tests.Runtime;

/// <summary>Checks that the slots read from the function table are the functions the header puts there.</summary>
public class OrtApiTableTests
{
    private static OnnxRuntimeLibrary Library => OnnxRuntimeLibrary.Load();

    [Fact]
    public void GetVersionString_reports_the_release_the_project_pins()
    {
        Assert.Equal(OnnxRuntimeLibrary.ExpectedVersion, Library.Version);
        Assert.Equal("1.30.0", OnnxRuntimeLibrary.ReadVersion(Library.ApiBase));
    }

    [Fact]
    public void A_status_made_with_CreateStatus_reads_back_through_GetErrorCode_and_GetErrorMessage()
    {
        var api = Library.Api;
        var status = api.CreateStatus(OrtErrorCode.InvalidGraph, "slot check: ünïcode too");
        try
        {
            Assert.Equal(OrtErrorCode.InvalidGraph, api.GetErrorCode(status));
            Assert.Equal("slot check: ünïcode too", api.GetErrorMessage(status));
        }
        finally
        {
            unsafe { api.ReleaseStatus(status); }
        }
    }

    [Fact]
    public void Check_turns_a_status_into_an_exception_with_its_code_and_text()
    {
        var api = Library.Api;
        var error = Assert.Throws<OnnxRuntimeException>(() => api.Check(api.CreateStatus(OrtErrorCode.NoSuchFile, "nothing here")));
        Assert.Equal(OrtErrorCode.NoSuchFile, error.ErrorCode);
        Assert.Equal("nothing here", error.OrtMessage);
        Assert.Contains("nothing here", error.Message);
    }

    [Fact]
    public void A_null_status_is_success()
    {
        Library.Api.Check(IntPtr.Zero);
    }

    [Fact]
    public void An_api_version_the_library_does_not_provide_fails_clearly()
    {
        var error = Assert.Throws<OnnxRuntimeLibraryException>(() => OnnxRuntimeLibrary.CreateApi(Library.ApiBase, 100_000, "the test library"));
        Assert.Contains("does not provide C API version 100000", error.Message);
        Assert.Contains("GetApi returned null", error.Message);
    }

    [Fact]
    public void Session_options_slots_accept_their_arguments_and_reject_a_bad_one_with_ort_text()
    {
        var api = Library.Api;
        using var options = api.CreateSessionOptions();
        var native = options.DangerousGetHandle();
        api.SetIntraOpNumThreads(native, 2);
        api.SetInterOpNumThreads(native, 1);
        api.SetSessionGraphOptimizationLevel(native, GraphOptimizationLevel.Extended);
        api.AddSessionConfigEntry(native, "session.intra_op.allow_spinning", "0");

        // SetSessionGraphOptimizationLevel (slot 23) knows its enum: 5 is none of 0, 1, 2, 99.
        var error = Assert.Throws<OnnxRuntimeException>(() => api.SetSessionGraphOptimizationLevel(native, (GraphOptimizationLevel)5));
        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Contains("graph_optimization_level", error.OrtMessage);
    }
}
