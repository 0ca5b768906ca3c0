using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PolicySearch.Api.Tests.Web;

/// <summary>The search page in a real browser against the service on a real Kestrel port.</summary>
public sealed class SearchPageTests : IAsyncLifetime
{
    private readonly PolicySearchApplication _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
            return;
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        await _app.CreateReadyClientAsync();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    [ChromiumFact]
    public async Task Search_filter_and_open_the_passage_in_its_document()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "sv-SE" });
        await page.GotoAsync(_baseUrl);

        await page.FillAsync("#q", "kameraövervakning");
        await page.PressAsync("#q", "Enter");
        var firstHit = page.Locator(".hit").First;
        await Assertions.Expect(firstHit.Locator("mark").First).ToBeVisibleAsync();
        Assert.StartsWith("kamera", await firstHit.Locator("mark").First.TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(await firstHit.Locator(".speaker__name").TextContentAsync()));
        Assert.Contains("q=kamera%C3%B6vervakning", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "search-results.png"), FullPage = true });

        var bodyFacet = page.Locator("button[data-facet='body']").First;
        string body = (await bodyFacet.Locator(".facet__label").TextContentAsync())!;
        await bodyFacet.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("body=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".chip")).ToContainTextAsync(body);
        await Assertions.Expect(page.Locator("button[data-facet='body'][aria-pressed='true']")).ToHaveCountAsync(1);
        await Assertions.Expect(firstHit.Locator("mark").First).ToBeVisibleAsync();

        string passageId = (await firstHit.GetAttributeAsync("id"))!["hit-".Length..];
        await firstHit.Locator(".card__title").ClickAsync();
        var target = page.Locator(".passage--target");
        await Assertions.Expect(target).ToBeVisibleAsync();
        Assert.Equal($"p-{passageId}", await target.GetAttributeAsync("id"));
        await Assertions.Expect(target).ToBeInViewportAsync();
        await Assertions.Expect(target).ToContainTextAsync("kameraövervakning");
        Assert.StartsWith("kamera", await target.Locator("mark").First.TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "document-view.png") });

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#results-view")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chip")).ToContainTextAsync(body);
    }

    [ChromiumFact]
    public async Task A_question_shows_its_interpretation_and_similar_passages_at_phone_width()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "sv-SE" });
        await page.GotoAsync(_baseUrl + "/?q=" + Uri.EscapeDataString("Vad sa Skärholmens stadsdelsnämnd om SIG?"));

        await Assertions.Expect(page.Locator("#interpretation")).ToContainTextAsync("Visar vad Skärholmens stadsdelsnämnd sagt om");
        var firstHit = page.Locator(".hit").First;
        await firstHit.Locator(".js-similar").ClickAsync();
        await Assertions.Expect(firstHit.Locator(".similar .hit").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "phone-question.png") });

        int scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide at a 390px viewport");
    }

    [ChromiumFact]
    public async Task The_keyboard_alone_searches_and_copies_a_citation()
    {
        var context = await _browser!.NewContextAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl);

        await page.Keyboard.PressAsync("Tab"); // skip link
        await page.Keyboard.PressAsync("Tab"); // brand
        await page.Keyboard.PressAsync("Tab"); // search box
        await page.Keyboard.TypeAsync("SIG");
        await page.Keyboard.PressAsync("Enter");
        var copy = page.Locator(".hit .js-copy").First;
        await Assertions.Expect(copy).ToBeVisibleAsync();
        await copy.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".hit .card__copied").First).ToHaveTextAsync("Citatet är kopierat");
        string copied = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        string citation = await page.EvaluateAsync<string>("fetch('api/search?q=SIG&top=1').then(r => r.json()).then(r => r.hits[0].citation)");
        Assert.StartsWith("”", copied, StringComparison.Ordinal);
        Assert.Contains("SIG", copied, StringComparison.Ordinal);
        Assert.EndsWith($"” ({citation})", copied, StringComparison.Ordinal);
        await context.DisposeAsync();
    }
}
