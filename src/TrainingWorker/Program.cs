using iAyos.Messaging.Platform.Hosting;
using iAyos.Messaging.Platform.Storage;
using iAyos.Messaging.TrainingWorker;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTraining();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.MigrateDatabaseAsync();
await app.RunAsync();
