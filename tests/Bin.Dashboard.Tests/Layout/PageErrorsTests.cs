using System.Globalization;
using Bin.Dashboard.Components.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bin.Dashboard.Tests.Layout;

public class PageErrorsTests : BunitContext
{
    public PageErrorsTests()
    {
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
    }

    [Fact]
    public void A_click_whose_handler_fails_shows_the_error_panel_in_the_users_language_instead_of_ending_the_circuit_and_the_page_comes_back()
    {
        var page = Render<PageErrors>(p => p.AddChildContent<FailingPage>());
        Assert.Empty(page.FindAll("[data-testid=page-error]"));

        page.Find("[data-testid=act]").Click();

        Assert.Contains("Deze pagina liep vast", page.Find("[data-testid=page-error]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=act]"));

        page.Find("[data-testid=page-error-retry]").Click();
        Assert.Single(page.FindAll("[data-testid=act]"));
    }

    [Fact]
    public void A_page_that_fails_while_it_opens_shows_the_error_panel()
    {
        var page = Render<PageErrors>(p => p.AddChildContent<FailingPage>(c => c.Add(f => f.FailOnOpen, true)));

        Assert.Single(page.FindAll("[data-testid=page-error]"));
    }

    /// <summary>A page whose button fails, as a handler does when the database does not answer.</summary>
    private sealed class FailingPage : ComponentBase
    {
        [Parameter] public bool FailOnOpen { get; set; }

        protected override void OnInitialized()
        {
            if (FailOnOpen) throw new InvalidOperationException("The database did not answer.");
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "act");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => throw new InvalidOperationException("The database did not answer.")));
            builder.CloseElement();
        }
    }
}
