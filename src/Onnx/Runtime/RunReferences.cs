namespace iAyos.Messaging.Onnx.Runtime;

/// <summary>
/// Keeps a native resource alive while runs use it: one reference for the owner, one per run in flight. A
/// dispose drops the owner's reference and refuses new runs; the last reference out releases the resource, so
/// runs in flight finish on it and later ones get <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class RunReferences(string owner, Action release)
{
    private int _count = 1;
    private int _disposed;

    public void Acquire()
    {
        while (true)
        {
            var count = Volatile.Read(ref _count);
            if (count == 0 || Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(owner);
            if (Interlocked.CompareExchange(ref _count, count + 1, count) == count) return;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _count) == 0) release();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Release();
    }
}
