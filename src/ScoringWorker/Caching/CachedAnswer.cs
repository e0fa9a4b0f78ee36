namespace iAyos.Messaging.ScoringWorker.Caching;

/// <summary>A value and whether it came from the cache (the answer's <c>from_cache</c>).</summary>
public readonly record struct CachedAnswer<T>(T Value, bool FromCache);
