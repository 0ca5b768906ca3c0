using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PolicySearch.Api.Hosting;
using PolicySearch.Ingestion;
using PolicySearch.Search;

namespace PolicySearch.Api.Apis;

/// <summary><c>/api/documents</c>: read a document, and add or remove documents (API key required).</summary>
internal static partial class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Dokument");
        documents.MapGet("/{id}", GetDocumentAsync)
            .WithName("GetDocument")
            .WithSummary("Ett dokuments metadata och alla dess stycken");
        documents.MapGet("/{id}/text", GetDocumentTextAsync)
            .WithName("GetDocumentText")
            .WithSummary("Dokumentets rensade text med styckenas positioner");
        documents.MapPost("/", UploadAsync)
            .WithName("UploadDocuments")
            .WithSummary("Ladda upp och indexera en eller flera filer (txt, md, html, docx, pdf)")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .DisableAntiforgery()
            .RequireApiKey();
        documents.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteDocument")
            .WithSummary("Ta bort ett dokument ur indexet")
            .RequireApiKey();
        return api;
    }

    public static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetDocumentAsync(
        string id, PolicySearchIndex index, CancellationToken cancellationToken)
    {
        DocumentInfo? document = await index.GetDocumentAsync(id, cancellationToken);
        if (document is null)
            return DocumentNotFound();
        IReadOnlyList<SearchHit> passages = await index.GetDocumentPassagesAsync(id, cancellationToken);
        return TypedResults.Ok(DocumentResponse.From(document, passages));
    }

    public static async Task<Results<Ok<DocumentTextResponse>, ProblemHttpResult>> GetDocumentTextAsync(
        string id, PolicySearchIndex index, CancellationToken cancellationToken)
    {
        DocumentInfo? document = await index.GetDocumentAsync(id, cancellationToken);
        string? text = await index.GetDocumentTextAsync(id, cancellationToken);
        if (document is null || text is null)
            return DocumentNotFound();
        IReadOnlyList<PassageSpan> spans = await index.GetPassageSpansAsync(id, cancellationToken);
        return TypedResults.Ok(new DocumentTextResponse(document.DocumentId, document.Title, text,
            spans.Select(p => new PassageAnchor(p.PassageId, p.Ordinal, p.Start, p.End, $"p-{p.PassageId}")).ToList()));
    }

    public static async Task<Results<Ok<UploadResponse>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, PolicySearchIndex index, IOptionsSnapshot<LimitOptions> limits,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ILogger logger = loggers.CreateLogger(typeof(DocumentsApi).FullName!);
        LimitOptions limit = limits.Value;
        string tooLarge = $"Uppladdningen får vara högst {limit.MaxUploadBytes / (1024 * 1024.0):0.#} MB.";
        if (!request.HasFormContentType)
            return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "Skicka filerna som multipart/form-data i fältet files.");
        if (request.ContentLength > limit.MaxUploadBytes)
            return Problems.TooLarge(tooLarge);
        // Bodies without a declared length are cut off by the server at the same limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limit.MaxUploadBytes;

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit.MaxUploadBytes }, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge(tooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Problems.BadRequest($"Uppladdningen kunde inte läsas: den är inte giltig multipart/form-data eller större än {limit.MaxUploadBytes} byte.");
        }

        if (form.Files.Count == 0)
            return Problems.BadRequest("Bifoga minst en fil.");
        if (form.Files.Count > limit.MaxUploadFiles)
            return Problems.BadRequest($"Högst {limit.MaxUploadFiles} filer per uppladdning.");

        var results = new List<UploadedFile>(form.Files.Count);
        foreach (IFormFile file in form.Files)
            results.Add(await IndexFileAsync(file, index, logger, cancellationToken));
        // A write starts a new data generation: load it now, so the uploader waits for it rather than the next searcher.
        if (results.Any(r => r.DocumentId is not null))
            await index.WarmUpAsync(cancellationToken);
        return TypedResults.Ok(new UploadResponse(results));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, PolicySearchIndex index, CancellationToken cancellationToken)
    {
        if (!await index.DeleteDocumentAsync(id, cancellationToken))
            return DocumentNotFound();
        await index.WarmUpAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<UploadedFile> IndexFileAsync(
        IFormFile file, PolicySearchIndex index, ILogger logger, CancellationToken cancellationToken)
    {
        // Only the name counts: a client-sent path must not reach the file system or the index.
        string name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        if (name.Length == 0)
            return UploadedFile.Failed(file.FileName, "Filen saknar namn.");
        try
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            DocumentInfo document = await index.IndexUploadAsync(name, buffer.ToArray(), cancellationToken);
            LogUploaded(logger, name, document.DocumentId, document.Passages);
            return new UploadedFile(name, "indexed", document.DocumentId, document.Title, document.Passages, null);
        }
        catch (IngestionException e)
        {
            LogRejected(logger, name, e.Message);
            return UploadedFile.Failed(name, e.Message);
        }
    }

    private static ProblemHttpResult DocumentNotFound() => Problems.NotFound("Dokumentet finns inte i indexet.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded {FileName} indexed as {DocumentId} ({Passages} passages)")]
    private static partial void LogUploaded(ILogger logger, string fileName, string documentId, int passages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploaded {FileName} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string fileName, string reason);
}

/// <summary>One passage of a document as shown in the document view.</summary>
internal sealed record DocumentPassage(string PassageId, int Ordinal, string? Section, int? Page, SpeakerView Speaker, string Text, string Citation);

/// <summary>A document's metadata and its passages in reading order; source is the file name it was indexed from.</summary>
internal sealed record DocumentResponse(
    string DocumentId, string Title, string? DocumentType, IReadOnlyList<string> Dnrs, IReadOnlyList<string> MotionNumbers,
    string? Date, string? Body, string? Administration, string Source, IReadOnlyList<DocumentPassage> Passages)
{
    public static DocumentResponse From(DocumentInfo d, IReadOnlyList<SearchHit> passages) => new(
        d.DocumentId, d.Title, d.DocumentType, d.Dnrs, d.MotionNumbers, d.Date, d.Nämnd, d.Förvaltning, Path.GetFileName(d.Path),
        passages.Select((p, i) => new DocumentPassage(p.PassageId, i, p.Section, p.Page, p.Speaker, p.Text, p.Citation)).ToList());
}

/// <summary>Where one passage sits in the clean text: <c>text[start..end]</c>; <c>#p-{passageId}</c> anchors it in the page.</summary>
internal sealed record PassageAnchor(string PassageId, int Ordinal, int Start, int End, string Anchor);

/// <summary>A document's clean text with the offsets of its passages.</summary>
internal sealed record DocumentTextResponse(string DocumentId, string Title, string Text, IReadOnlyList<PassageAnchor> Passages);

/// <summary>What happened to one uploaded file: status is indexed or failed (with the reason in error).</summary>
internal sealed record UploadedFile(string FileName, string Status, string? DocumentId, string? Title, int? Passages, string? Error)
{
    public static UploadedFile Failed(string fileName, string error) => new(fileName, "failed", null, null, null, error);
}

/// <summary>The per-file results of an upload, in the order the files were sent.</summary>
internal sealed record UploadResponse(IReadOnlyList<UploadedFile> Files);
