using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PolicySearch.Api.Tests.Apis;

public sealed class DocumentsApiTests(PolicySearchApplication app) : IClassFixture<PolicySearchApplication>
{
    private const string UploadedText =
        "Förvaltningens förslag till beslut\n\nStadsdelsnämnden föreslås besluta att införa flamingoövervakning " +
        "vid Kulturhuset. Förvaltningen bedömer att flamingoövervakningen stärker tryggheten i området.\n";

    [Fact]
    public async Task A_document_has_its_metadata_and_passages_in_order()
    {
        var client = await app.CreateReadyClientAsync();
        var hit = await FirstHitAsync(client, "kameraövervakning");

        var (status, document) = await client.GetJsonAsync($"/api/documents/{hit.Str("documentId")}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(hit.Str("documentTitle"), document.Str("title"));
        var passages = document.GetProperty("passages").EnumerateArray().ToList();
        Assert.Contains(passages, p => p.Str("passageId") == hit.Str("passageId"));
        Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.GetProperty("ordinal").GetInt32()));
    }

    [Fact]
    public async Task The_text_view_anchors_each_passage_inside_the_clean_text()
    {
        var client = await app.CreateReadyClientAsync();
        var hit = await FirstHitAsync(client, "kameraövervakning");

        var (status, body) = await client.GetJsonAsync($"/api/documents/{hit.Str("documentId")}/text");

        Assert.Equal(HttpStatusCode.OK, status);
        string text = body.Str("text");
        var anchors = body.GetProperty("passages").EnumerateArray().ToList();
        Assert.NotEmpty(anchors);
        int previousEnd = 0;
        foreach (var anchor in anchors)
        {
            int start = anchor.GetProperty("start").GetInt32(), end = anchor.GetProperty("end").GetInt32();
            Assert.InRange(start, previousEnd, end);
            Assert.InRange(end, start, text.Length);
            Assert.Equal("p-" + anchor.Str("passageId"), anchor.Str("anchor"));
            previousEnd = end;
        }
        var hitAnchor = anchors.Single(a => a.Str("passageId") == hit.Str("passageId"));
        string slice = text[hitAnchor.GetProperty("start").GetInt32()..hitAnchor.GetProperty("end").GetInt32()];
        Assert.Contains("kameraövervakning", slice, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/documents/finns-inte")]
    [InlineData("/api/documents/finns-inte/text")]
    [InlineData("/api/documents/%27%3B%20DROP%20TABLE%20documents%3B--")]
    public async Task An_unknown_document_is_a_404_problem(string url)
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Dokumentet finns inte i indexet.", problem.Str("detail"));
    }

    [Fact]
    public async Task An_uploaded_file_is_searchable_until_it_is_deleted()
    {
        var client = await app.CreateReadyClientAsync();

        using var upload = await UploadAsync(client, PolicySearchApplication.ApiKey, ("flamingo.txt", Encoding.UTF8.GetBytes(UploadedText)));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var file = (await upload.ReadJsonAsync()).GetProperty("files").EnumerateArray().Single();
        Assert.Equal("indexed", file.Str("status"));
        Assert.Equal("flamingo.txt", file.Str("fileName"));
        string documentId = file.Str("documentId");

        var found = await FirstHitAsync(client, "flamingoövervakning");
        Assert.Equal(documentId, found.Str("documentId"));

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/documents/{documentId}");
        delete.Headers.Add("X-Api-Key", PolicySearchApplication.ApiKey);
        using var deleted = await client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var (_, after) = await client.GetJsonAsync("/api/search?q=flamingoövervakning&mode=keyword&top=100");
        Assert.DoesNotContain(after.GetProperty("hits").EnumerateArray(), h => h.Str("documentId") == documentId);
        var (status, _) = await client.GetJsonAsync($"/api/documents/{documentId}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Each_uploaded_file_gets_its_own_result_and_a_bad_file_does_not_stop_the_others()
    {
        var client = await app.CreateReadyClientAsync();

        using var upload = await UploadAsync(client, PolicySearchApplication.ApiKey,
            ("tom.txt", []),
            ("program.exe", [0x4D, 0x5A, 0x90, 0x00]),
            ("bra.md", Encoding.UTF8.GetBytes("# Motion om pelikanpolicy\n\nVi föreslår en pelikanpolicy för Stockholms parker.\n")));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var files = (await upload.ReadJsonAsync()).GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["tom.txt", "program.exe", "bra.md"], files.Select(f => f.Str("fileName")));
        Assert.Equal(["failed", "failed", "indexed"], files.Select(f => f.Str("status")));
        Assert.All(files.Take(2), f => Assert.False(string.IsNullOrWhiteSpace(f.Str("error"))));
    }

    [Fact]
    public async Task A_client_path_in_the_file_name_is_reduced_to_the_name()
    {
        var client = await app.CreateReadyClientAsync();

        using var upload = await UploadAsync(client, PolicySearchApplication.ApiKey, ("../../etc/passwd.txt", Encoding.UTF8.GetBytes("Ett yttrande om pingvinfrågan.")));

        var file = (await upload.ReadJsonAsync()).GetProperty("files").EnumerateArray().Single();
        Assert.Equal("passwd.txt", file.Str("fileName"));
    }

    [Theory]
    [InlineData(null, "Ange en API-nyckel i huvudet X-Api-Key.")]
    [InlineData("fel-nyckel", "API-nyckeln är ogiltig.")]
    public async Task Upload_and_delete_need_a_valid_key(string? key, string detail)
    {
        var client = await app.CreateReadyClientAsync();

        using var upload = await UploadAsync(client, key, ("a.txt", Encoding.UTF8.GetBytes("text")));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/documents/any");
        if (key is not null)
            delete.Headers.Add("X-Api-Key", key);
        using var deleted = await client.SendAsync(delete);

        Assert.Equal(detail, (await upload.AssertProblemAsync(HttpStatusCode.Unauthorized)).Str("detail"));
        Assert.Equal(detail, (await deleted.AssertProblemAsync(HttpStatusCode.Unauthorized)).Str("detail"));
    }

    [Fact]
    public async Task Deleting_an_unknown_document_is_a_404()
    {
        var client = await app.CreateReadyClientAsync();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/documents/finns-inte");
        delete.Headers.Add("X-Api-Key", PolicySearchApplication.ApiKey);

        using var response = await client.SendAsync(delete);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_upload_without_files_or_not_multipart_is_rejected()
    {
        var client = await app.CreateReadyClientAsync();
        using var fieldsOnly = new MultipartFormDataContent { { new StringContent("bara text"), "kommentar" } };

        using var noFiles = await PostAsync(client, fieldsOnly);
        using var notMultipart = await PostAsync(client, new StringContent("{}", Encoding.UTF8, "application/json"));
        using var broken = await PostAsync(client, new StringContent("--x\r\ntrasig", Encoding.UTF8, "multipart/form-data"));

        Assert.Equal("Bifoga minst en fil.", (await noFiles.AssertProblemAsync(HttpStatusCode.BadRequest)).Str("detail"));
        await notMultipart.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await broken.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = content };
        request.Headers.Add("X-Api-Key", PolicySearchApplication.ApiKey);
        return await client.SendAsync(request);
    }

    internal static async Task<System.Text.Json.JsonElement> FirstHitAsync(HttpClient client, string query)
    {
        var (status, body) = await client.GetJsonAsync("/api/search?mode=keyword&q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("hits").EnumerateArray().First();
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? key, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }
}
