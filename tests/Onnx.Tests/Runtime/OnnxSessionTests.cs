using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Tests.Runtime;

public class OnnxSessionTests
{
    [Fact]
    public void A_session_from_bytes_lists_its_inputs_and_outputs_with_the_batch_dimension_dynamic()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());

        Assert.Equal(["x"], session.InputNames);
        Assert.Equal(["y", "r"], session.OutputNames);
        Assert.Equal(TensorElementType.Float, session.Inputs[0].ElementType);
        Assert.Equal([-1L, 3L], session.Inputs[0].Shape);
        Assert.Equal([-1L, 2L], session.Outputs[0].Shape);
        Assert.Equal([-1L, 2L], session.Outputs[1].Shape);
    }

    [Fact]
    public void A_batch_of_four_through_MatMul_and_Add_matches_the_same_maths_in_csharp()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());
        var x = TestModels.Sequence(4 * 3, scale: 0.37f, offset: 0.05f);

        var outputs = session.Run("x", new OnnxTensor(x, 4, 3));

        Assert.Equal(2, outputs.Count);
        var expected = TestModels.LinearReference(x);
        Assert.Equal([4L, 2L], outputs[0].Shape);
        TestModels.AssertClose(expected, outputs[0].Data);
        Assert.Equal([4L, 2L], outputs[1].Shape);
        TestModels.AssertClose(expected.Select(v => Math.Max(v, 0f)).ToArray(), outputs[1].Data);
    }

    [Fact]
    public void A_session_from_a_file_runs_like_one_from_bytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"iayos-onnx-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, TestModels.Linear());
        try
        {
            using var session = OnnxSession.FromFile(path, new OnnxSessionOptions { IntraOpThreads = 2, OptimizationLevel = GraphOptimizationLevel.Basic });
            var x = TestModels.Sequence(3);

            var y = session.Run(new Dictionary<string, OnnxTensor> { ["x"] = new(x, 1, 3) }, ["y"]);

            Assert.Single(y);
            TestModels.AssertClose(TestModels.LinearReference(x), y[0].Data);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Outputs_come_back_in_the_order_asked_for()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());
        var x = new float[] { -1, -2, -3 };

        var outputs = session.Run("x", new OnnxTensor(x, 1, 3), ["r", "y"]);

        var y = TestModels.LinearReference(x);
        TestModels.AssertClose(y.Select(v => Math.Max(v, 0f)).ToArray(), outputs[0].Data);
        TestModels.AssertClose(y, outputs[1].Data);
    }

    [Fact]
    public void A_missing_model_file_fails_with_ort_saying_so()
    {
        var path = Path.Combine(Path.GetTempPath(), $"iayos-missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromFile(path));

        Assert.Contains(path, error.OrtMessage);
        Assert.Equal(OrtErrorCode.NoSuchFile, error.ErrorCode);
        Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(error.InnerException); // the package's, wrapped
    }

    [Fact]
    public void Bytes_that_are_not_a_model_fail_with_ort_text()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromBytes("not a model"u8));
        Assert.NotEmpty(error.OrtMessage);
    }

    [Fact]
    public void An_unknown_input_name_fails_with_ort_naming_it()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("features", new OnnxTensor(new float[3], 1, 3)));

        Assert.Contains("features", error.OrtMessage);
    }

    [Fact]
    public void An_unknown_output_name_fails_with_ort_naming_it()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("x", new OnnxTensor(new float[3], 1, 3), ["score"]));

        Assert.Contains("score", error.OrtMessage);
    }

    [Fact]
    public void A_shape_the_model_does_not_accept_fails_with_ort_text()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("x", new OnnxTensor(new float[8], 2, 4)));

        Assert.Contains("dimension", error.OrtMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_missing_input_is_refused_before_ort_runs()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());

        var error = Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, OnnxTensor>()));

        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void A_rank_the_model_does_not_accept_fails_with_ort_text()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("x", new OnnxTensor(new float[3], 3)));

        Assert.Contains("rank", error.OrtMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_empty_batch_gives_an_empty_output()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());

        var y = session.Run("x", new OnnxTensor([], 0, 3))[0];

        Assert.Equal([0L, 2L], y.Shape);
        Assert.Empty(y.Data);
    }

    [Fact]
    public void Data_that_does_not_fill_its_shape_is_refused_before_ort_sees_it()
    {
        Assert.Throws<ArgumentException>(() => new OnnxTensor(new float[5], 2, 3));
        Assert.Throws<ArgumentException>(() => new OnnxTensor(new float[3], -1, 3));
    }

    [Fact]
    public void The_session_keeps_working_after_a_failed_run()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());
        Assert.Throws<OnnxRuntimeException>(() => session.Run("x", new OnnxTensor(new float[4], 1, 4)));

        var x = TestModels.Sequence(6);
        TestModels.AssertClose(TestModels.LinearReference(x), session.Run("x", new OnnxTensor(x, 2, 3))[0].Data);
    }

    [Fact]
    public void A_disposed_session_refuses_to_run()
    {
        var session = OnnxSession.FromBytes(TestModels.Linear());
        session.Dispose();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run("x", new OnnxTensor(new float[3], 1, 3)));
    }

    [Fact]
    public void Input_arrays_are_read_in_place_and_left_as_they_were()
    {
        using var session = OnnxSession.FromBytes(TestModels.AddConstant(4));
        var x = new float[] { 1, 1, 1, 1 };

        var y = session.Run("x", new OnnxTensor(x, 1, 4))[0];

        Assert.Equal([1f, 1f, 1f, 1f], x);
        Assert.Equal([1f, 2f, 3f, 4f], y.Data);
    }
}
