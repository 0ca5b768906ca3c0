using System.Text;
using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Readers;

public sealed class HtmlReaderTests
{
    private readonly DocumentReader _reader = new();

    [Fact]
    public void Main_content_keeps_headings_lists_and_tables_and_drops_the_page_chrome()
    {
        const string html = """
            <!DOCTYPE html>
            <html><head><title>Sidtitel</title><style>p { color: red }</style><script>var hemlig = 1;</script></head>
            <body><header><nav><a href="/">Hem</a></nav>Stockholms stad</header>
            <main>
              <h1>Trygghet i   Skärholmen</h1>
              <p>Förvaltningen   anser att<br>kameror behövs.</p>
              <h2>Förslag</h2>
              <ul><li>Fler kameror</li><li>Bättre <b>belysning</b><ul><li>Parker</li></ul></li></ul>
              <table><thead><tr><th>Nämnd</th><th>Beslut</th></tr></thead>
                <tbody><tr><td>Skärholmen</td><td>Tillstyrker</td></tr></tbody></table>
              <p>Slut.</p>
              <script>document.write("inte text")</script>
            </main>
            <footer>Kontakt: 08-508 000 00</footer></body></html>
            """;

        ExtractedText text = _reader.Read("sida.html", Encoding.UTF8.GetBytes(html));

        Assert.Equal(SourceFormat.Html, text.Format);
        Assert.Null(Assert.Single(text.Pages).Number);
        Assert.Equal("""
            # Trygghet i Skärholmen

            Förvaltningen anser att
            kameror behövs.

            ## Förslag

            - Fler kameror
            - Bättre belysning
              - Parker

            Nämnd | Beslut
            Skärholmen | Tillstyrker

            Slut.
            """, text.FullText);
    }

    [Fact]
    public void Without_main_the_body_is_read_without_page_header_and_footer_and_the_title_becomes_the_heading()
    {
        const string html = """
            <html><head><title>Remissvar om SIG</title></head><body>
            <header>Sidhuvud</header>
            <div class="innehåll"><section><header><h2>Bakgrund</h2></header><p>Text om SIG.</p></section>
            <ol><li><p>Första punkten</p><p>med fortsättning</p></li></ol></div>
            <footer>Sidfot</footer></body></html>
            """;

        ExtractedText text = _reader.Read("remiss.htm", Encoding.UTF8.GetBytes(html));

        Assert.Equal("""
            # Remissvar om SIG

            ## Bakgrund

            Text om SIG.

            - Första punkten
              med fortsättning
            """, text.FullText);
    }

    [Fact]
    public void An_article_is_preferred_over_the_rest_of_the_body()
    {
        const string html = "<body><div>Meny och annat</div><article><header><h1>Titel</h1></header><p>Brödtext.</p></article></body>";

        ExtractedText text = _reader.Read("artikel.html", Encoding.UTF8.GetBytes(html));

        Assert.Equal("# Titel\n\nBrödtext.", text.FullText);
    }

    [Fact]
    public void A_page_without_text_is_refused()
    {
        const string html = "<html><body><nav>Hem</nav><script>x()</script></body></html>";

        var error = Assert.Throws<IngestionException>(() => _reader.Read("tom.html", Encoding.UTF8.GetBytes(html)));

        Assert.Equal("tom.html: innehåller ingen text.", error.Message);
    }

    [Fact]
    public void Windows_1252_html_is_decoded_like_text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] bytes = Encoding.GetEncoding(1252).GetBytes("<p>Förvaltningen föreslår åtgärder.</p>");

        ExtractedText text = _reader.Read("ansi.html", bytes);

        Assert.Equal("Förvaltningen föreslår åtgärder.", text.FullText);
    }

    [Fact]
    public void Pathologically_nested_html_is_stopped_at_the_read_timeout()
    {
        // AngleSharp's tree builder slows down quadratically with nesting depth: 40,000 open divs take seconds.
        byte[] html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>", 40_000)) + "text");
        var reader = new DocumentReader(new ReaderOptions { ReadTimeout = TimeSpan.FromMilliseconds(200) });

        var error = Assert.Throws<IngestionException>(() => reader.Read("djup.html", html));

        Assert.Equal("djup.html: läsningen blev inte klar inom 0,2 s (Readers:ReadTimeout).", error.Message);
    }

    [Fact]
    public void Deep_inline_nesting_is_read_as_text_without_recursing_into_it()
    {
        byte[] html = Encoding.UTF8.GetBytes("<p>Före " + string.Concat(Enumerable.Repeat("<b>", 5_000)) + "djupt</p>");

        ExtractedText text = _reader.Read("fet.html", html);

        Assert.Equal("Före djupt", text.FullText);
    }
}
