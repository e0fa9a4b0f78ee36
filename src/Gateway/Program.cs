using iAyos.Messaging.Gateway;
using iAyos.Messaging.Platform.Hosting;
using iAyos.Messaging.Platform.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGateway();
await app.MigrateDatabaseAsync();
await app.RunAsync();
