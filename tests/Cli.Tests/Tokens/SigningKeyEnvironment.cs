namespace iAyos.Messaging.Cli.Tests.Tokens;

/// <summary>Sets <c>Auth__SigningKey</c> for one test and restores it; the collection keeps such tests from overlapping.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SigningKeyEnvironment
{
    public const string Name = "Auth__SigningKey environment variable";
    private const string Variable = "Auth__SigningKey";

    public static IDisposable Set(string? key)
    {
        var before = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, key);
        return new Restore(() => Environment.SetEnvironmentVariable(Variable, before));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
