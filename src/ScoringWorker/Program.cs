using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Hosting;
using iAyos.Messaging.Platform.Storage;

// Hosts the cleaning-marketplace read model and scoring of issue 3; until then it only joins the bus,
// applies migrations and answers health probes, so ops can already deploy and watch it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddMessageBus(builder.Configuration, _ => { });

var app = builder.Build();
app.MapDefaultEndpoints();
await app.MigrateDatabaseAsync();
await app.RunAsync();
