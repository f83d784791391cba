namespace Bin.DemoData;

/// <summary>
/// `dotnet run --project src/Bin.DemoData -- seed` (what `./build.sh run` does before starting the dashboard) or
/// `-- generate-history --days 365`: writes demo data into the database of ConnectionStrings__Bin, then exits.
/// A named entry point rather than top-level statements: those would make the web SDK generate a public
/// <c>Program</c> that clashes with the dashboard's in projects referencing both (the load harness).
/// </summary>
internal static class DemoDataProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddBinDemoData(builder.Configuration);
        await using var app = builder.Build();
        return await DemoDataCommands.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
    }
}
