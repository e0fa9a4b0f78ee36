using iAyos.Messaging.Predictions.Text;

namespace iAyos.Messaging.InferenceWorker.Models;

/// <summary>Loads the sentence encoder and runs it once while the worker starts: building it reads a 90 MB graph and
/// the first run allocates its buffers, which a trust request would otherwise wait for (about 1-2 s).</summary>
public sealed class TextEncoderWarmup(ITextEmbedder encoder, ILogger<TextEncoderWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        encoder.Embed(["A plumber with five years of experience fixing leaks and installing water heaters."]);
        logger.LogInformation("Sentence encoder ready ({Dimensions}-d) in {Ms:0} ms", encoder.Dimensions, (DateTime.UtcNow - started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
