namespace Bin.DemoData;

/// <summary>
/// <c>dotnet run --project src/Bin.DemoData -- seed</c> (what <c>./build.sh run</c> does before starting the dashboard) or
/// <c>-- generate-history --days 365</c>: writes demo data into the database of <c>ConnectionStrings__Bin</c>, then exits.
/// Not top-level statements: those would make a second <c>Program</c> beside the dashboard's for whoever references both.
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
