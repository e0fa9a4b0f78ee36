using iAyos.Messaging.Platform.Hosting;
using iAyos.Messaging.Platform.Storage;
using iAyos.Messaging.ScoringWorker;
using iAyos.Messaging.ScoringWorker.Simulation;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScoring();

var app = builder.Build();
if (args.FirstOrDefault() == GenerateMarketplaceCommand.Name)
    return await GenerateMarketplaceCommand.RunAsync(app, args);

app.MapDefaultEndpoints();
await app.MigrateDatabaseAsync();
await app.RunAsync();
return 0;
