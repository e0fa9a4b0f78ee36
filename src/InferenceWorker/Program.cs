using iAyos.Messaging.ModelServing;
using iAyos.Messaging.InferenceWorker;
using iAyos.Messaging.Platform.Hosting;
using iAyos.Messaging.Platform.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInference();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.MigrateDatabaseAsync();
await app.RunAsync();
