using System.Globalization;
using PolicySearch.Search.Presentation;

namespace PolicySearch.Search;

/// <summary>Where a passage sits in its document's clean text: <c>text[Start..End]</c>.</summary>
public sealed record PassageSpan(string PassageId, int Ordinal, int Start, int End);

public sealed partial class PolicySearchIndex
{
    /// <summary>The offsets of a document's passages in its clean text, in order; empty for an unknown document.</summary>
    public async Task<IReadOnlyList<PassageSpan>> GetPassageSpansAsync(string documentId, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(documentId, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return [];
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, ordinal, start_offset, end_offset FROM passages WHERE document_id = $id ORDER BY ordinal";
        command.Parameters.AddWithValue("$id", id);
        var spans = new List<PassageSpan>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            spans.Add(new PassageSpan(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return spans;
    }
}
