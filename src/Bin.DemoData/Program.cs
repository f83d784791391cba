using Bin.DemoData;

// `dotnet run --project src/Bin.DemoData -- seed` (what `./build.sh run` does before starting the dashboard) or
// `-- generate-history --days 365`: writes demo data into the database of ConnectionStrings__Bin, then exits.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddBinDemoData(builder.Configuration);
await using var app = builder.Build();
return await DemoDataCommands.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
