using iAyos.Messaging.Platform.Hosting;
using iAyos.Messaging.Platform.Storage;
using iAyos.Messaging.TrainingWorker;
using iAyos.Messaging.TrainingWorker.Cli;
using iAyos.Messaging.TrainingWorker.DemoData;

// The local workflow needs neither database nor broker, so it runs before the host is built.
if (args.FirstOrDefault() == TrainCommand.Name)
    return await TrainCommand.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTraining();

var app = builder.Build();
if (args.FirstOrDefault() == SeedDemoCommand.Name)
    return await SeedDemoCommand.RunAsync(app, args);

app.MapDefaultEndpoints();
await app.MigrateDatabaseAsync();
await app.RunAsync();
return 0;
