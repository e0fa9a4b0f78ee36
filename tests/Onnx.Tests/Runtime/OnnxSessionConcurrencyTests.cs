using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Tests.Runtime;

public class OnnxSessionConcurrencyTests
{
    [Fact]
    public void Eight_threads_running_one_session_each_get_their_own_answers()
    {
        using var session = OnnxSession.FromBytes(TestModels.Linear());
        const int threads = 8, runsPerThread = 500;
        using var start = new Barrier(threads);

        var failures = new int[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var run = 0; run < runsPerThread; run++)
            {
                // Each thread and run has its own batch size and values, so a mix-up shows.
                var batch = 1 + (t + run) % 5;
                var x = TestModels.Sequence(batch * 3, scale: 0.01f * (t + 1), offset: run);
                var y = session.Run("x", new OnnxTensor(x, batch, 3), ["y"])[0];
                var expected = TestModels.LinearReference(x);
                if (y.Shape[0] != batch || !expected.Zip(y.Data).All(p => Math.Abs(p.First - p.Second) <= 1e-3f * Math.Max(1f, Math.Abs(p.First))))
                    failures[t]++;
            }
        })).ToList();

        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.All(failures, f => Assert.Equal(0, f));
    }

    [Fact]
    public void Disposing_while_other_threads_run_never_frees_the_session_under_them()
    {
        var session = OnnxSession.FromBytes(TestModels.Linear());
        var x = TestModels.Sequence(3 * 16);
        var expected = TestModels.LinearReference(x);
        var wrong = 0;
        var stoppedByDispose = 0;
        using var ranOnce = new CountdownEvent(4);

        var workers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            var signalled = false;
            while (true)
            {
                try
                {
                    var y = session.Run("x", new OnnxTensor(x, 16, 3), ["y"])[0];
                    if (!expected.Zip(y.Data).All(p => Math.Abs(p.First - p.Second) <= 1e-5f)) Interlocked.Increment(ref wrong);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref stoppedByDispose);
                    return;
                }
                if (!signalled) ranOnce.Signal();
                signalled = true;
            }
        })).ToList();

        workers.ForEach(w => w.Start());
        Assert.True(ranOnce.Wait(TimeSpan.FromSeconds(30)));
        session.Dispose();

        Assert.All(workers, w => Assert.True(w.Join(TimeSpan.FromSeconds(30))));
        Assert.Equal(4, stoppedByDispose);
        Assert.Equal(0, wrong);
    }
}
