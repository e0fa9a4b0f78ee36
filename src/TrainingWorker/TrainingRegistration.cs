using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.TrainingWorker.Consumers;
using iAyos.Messaging.TrainingWorker.DemoData;
using MassTransit;

namespace iAyos.Messaging.TrainingWorker;

public static class TrainingRegistration
{
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoJobLoader>();
        builder.Services.AddMessageBus(builder.Configuration,
            x => x.AddConsumer<TrainModelConsumer, TrainModelConsumerDefinition>());
        return builder;
    }
}
