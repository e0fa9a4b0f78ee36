using iAyos.Messaging.Platform.Hosting;
using iAyos.Messaging.Platform.Storage;
using iAyos.Messaging.ScoringWorker;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScoring();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.MigrateDatabaseAsync();
await app.RunAsync();
