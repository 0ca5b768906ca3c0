using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicySearch.Ingestion;

namespace PolicySearch.Search.Presentation;

/// <summary>A stored passage with its document and speaker, as read for a hit.</summary>
internal sealed record PassageRow(
    long PassageId,
    long DocumentId,
    int Ordinal,
    string Text,
    string? Section,
    int? Page,
    string DocumentTitle,
    string? Dnr,
    string? Date,
    string? DocumentType,
    string? Nämnd,
    string? Förvaltning,
    Speaker Speaker)
{
    private const string Columns = """
        p.id, p.document_id, p.ordinal, p.text, p.section, p.page, d.title, d.dnrs, d.date, d.document_type,
        d.namnd, d.forvaltning, s.name, s.kind, s.party
        FROM passages p JOIN documents d ON d.id = p.document_id JOIN speakers s ON s.id = p.speaker_id
        """;

    /// <summary>Reads the passages with the given ids; missing ids (deleted meanwhile) are left out.</summary>
    public static Dictionary<long, PassageRow> Load(SqliteConnection connection, IEnumerable<long> ids)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} WHERE p.id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        return Read(command).ToDictionary(r => r.PassageId);
    }

    /// <summary>The passages of one document in order.</summary>
    public static List<PassageRow> LoadDocument(SqliteConnection connection, long documentId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} WHERE p.document_id = $id ORDER BY p.ordinal";
        command.Parameters.AddWithValue("$id", documentId);
        return Read(command);
    }

    public SearchHit ToHit(IReadOnlyList<HighlightRange> highlights, double score) => new(
        PassageId.ToString(CultureInfo.InvariantCulture), DocumentId.ToString(CultureInfo.InvariantCulture),
        DocumentTitle, Dnr, Date, DocumentType, ToView(Speaker), Section, Page, Text, highlights, Math.Round(score, 6), Citation());

    public static SpeakerView ToView(Speaker speaker) => new(speaker.Name, KindName(speaker.Kind), speaker.Party);

    public static string KindName(SpeakerKind kind) => kind switch
    {
        SpeakerKind.Nämnd => "nämnd",
        SpeakerKind.Förvaltning => "förvaltning",
        SpeakerKind.Party => "party",
        _ => "person",
    };

    /// <summary>"Skärholmens stadsdelsnämnd, tjänsteutlåtande, Dnr …, 2018-01-23, s. 3": who said it, then the document.</summary>
    public string Citation()
    {
        var parts = new List<string>(6) { Speaker.Name };
        // A party or person speaks inside some body's document: name that body too.
        if (Speaker.Kind is SpeakerKind.Party or SpeakerKind.Person && (Nämnd ?? Förvaltning) is { } body)
            parts.Add(body);
        if (DocumentType is { } type) parts.Add(type);
        if (Dnr is { } dnr) parts.Add("Dnr " + dnr);
        if (Date is { } date) parts.Add(date);
        if (Page is { } page) parts.Add("s. " + page.ToString(CultureInfo.InvariantCulture));
        return string.Join(", ", parts);
    }

    private static List<PassageRow> Read(SqliteCommand command)
    {
        var rows = new List<PassageRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string party = reader.GetString(14);
            rows.Add(new PassageRow(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3),
                NullableString(reader, 4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(6),
                FirstLine(reader.GetString(7)), NullableString(reader, 8), NullableString(reader, 9),
                NullableString(reader, 10), NullableString(reader, 11),
                new Speaker(reader.GetString(12), (SpeakerKind)reader.GetInt32(13), party.Length == 0 ? null : party)));
        }
        return rows;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? FirstLine(string lines)
    {
        int newline = lines.IndexOf('\n', StringComparison.Ordinal);
        string first = newline < 0 ? lines : lines[..newline];
        return first.Length == 0 ? null : first;
    }
}
