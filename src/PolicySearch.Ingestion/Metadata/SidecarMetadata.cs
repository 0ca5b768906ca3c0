using System.Globalization;
using System.Text.Json;

namespace PolicySearch.Ingestion;

/// <summary>
/// Applies an optional sidecar file (<c>&lt;name&gt;.meta.json</c>) whose fields override what was inferred, for
/// document systems that already know them: <c>title, documentType, dnrs, motionNumbers, date and dates (yyyy-MM-dd),
/// nämnd, förvaltning, signatories [{name, role}]</c>. Unknown fields are ignored; null fields keep the inferred value.
/// </summary>
internal static class SidecarMetadata
{
    /// <summary>The sidecar of <paramref name="documentPath"/> (<c>a.txt.meta.json</c> or <c>a.meta.json</c>), or null when there is none.</summary>
    public static string? Find(string documentPath) =>
        new[] { documentPath + ".meta.json", Path.ChangeExtension(documentPath, ".meta.json") }.FirstOrDefault(File.Exists);

    public static DocumentMetadata Apply(DocumentMetadata inferred, string json, string sidecarName)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new IngestionException($"Sidofilen {sidecarName} måste innehålla ett JSON-objekt.");
            var result = inferred;
            // A field that is absent or null keeps what was inferred.
            foreach (JsonProperty field in doc.RootElement.EnumerateObject().Where(f => f.Value.ValueKind != JsonValueKind.Null))
            {
                JsonElement v = field.Value;
                result = field.Name.ToLowerInvariant() switch
                {
                    "title" => result with { Title = v.GetString() ?? result.Title },
                    "documenttype" => result with { DocumentType = v.GetString() },
                    "dnrs" => result with { Dnrs = Strings(v) },
                    "motionnumbers" => result with { MotionNumbers = Strings(v) },
                    "date" => result with { Date = ParseDate(v) },
                    "dates" => result with { Dates = [.. v.EnumerateArray().Select(ParseDate).OfType<DateOnly>()] },
                    "nämnd" or "namnd" => result with { Nämnd = v.GetString() },
                    "förvaltning" or "forvaltning" => result with { Förvaltning = v.GetString() },
                    "signatories" => result with { Signatories = [.. v.EnumerateArray().Select(s => new Signatory(
                        s.GetProperty("name").GetString() ?? "", s.TryGetProperty("role", out JsonElement role) ? role.GetString() : null))] },
                    _ => result,
                };
            }
            return result;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new IngestionException($"Sidofilen {sidecarName} kunde inte läsas: {ex.Message}", ex);
        }
    }

    private static DateOnly? ParseDate(JsonElement value) =>
        value.GetString() is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static List<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(e => e.GetString() ?? "")] : [value.GetString() ?? ""];
}
