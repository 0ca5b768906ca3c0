using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicySearch.Ingestion;
using PolicySearch.Search.Presentation;

namespace PolicySearch.Search.Retrieval;

/// <summary>What filters and facets need to know of a passage's document.</summary>
internal sealed record DocumentFacts(string? Type, string? Date, string? Nämnd, string? Förvaltning);

/// <summary>What filters and facets need to know of a passage's speaker.</summary>
internal sealed record SpeakerFacts(string Name, SpeakerKind Kind, string Party)
{
    /// <summary>The party abbreviations as <c>,MP,S,V,</c> (no spaces), to test one with a comma on each side.</summary>
    public string PartyList { get; } = "," + Party.Replace(" ", "", StringComparison.Ordinal) + ",";

    /// <summary>A nämnd or förvaltning speaks for a body; parties and persons do not.</summary>
    public bool IsBody => Kind is SpeakerKind.Nämnd or SpeakerKind.Förvaltning;
}

/// <summary>
/// Every passage's document and speaker facts, in memory for one data generation: filters are evaluated here
/// into bitmaps (kept per filter, since users reuse a handful: a party, a nämnd, a year) and the facet table is
/// built from the same facts, so a filter and the facet it comes from can never disagree.
/// </summary>
internal sealed class PassageCatalog
{
    private const int MaxCachedFilters = 64;

    private readonly int[] _document;
    private readonly int[] _speaker;
    private readonly DocumentFacts[] _documents;
    private readonly SpeakerFacts[] _speakers;
    private readonly ConcurrentDictionary<string, PassageSet> _allowed = new(StringComparer.Ordinal);

    private PassageCatalog(int[] document, int[] speaker, DocumentFacts[] documents, SpeakerFacts[] speakers)
    {
        _document = document;
        _speaker = speaker;
        _documents = documents;
        _speakers = speakers;
        Facets = FacetTable.From(this);
    }

    /// <summary>One more than the largest passage id.</summary>
    public int Capacity => _document.Length;

    public FacetTable Facets { get; }

    /// <summary>The body a passage counts for: its speaker when that is a nämnd or förvaltning, else the document's.</summary>
    public static string? BodyOf(DocumentFacts document, SpeakerFacts speaker) =>
        speaker.IsBody ? speaker.Name : document.Nämnd ?? document.Förvaltning;

    public static PassageCatalog Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        var documents = ReadById(command, "SELECT id, document_type, date, namnd, forvaltning FROM documents",
            reader => new DocumentFacts(Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4)));
        var speakers = ReadById(command, "SELECT id, name, kind, party FROM speakers",
            reader => new SpeakerFacts(reader.GetString(1), (SpeakerKind)reader.GetInt32(2), reader.GetString(3)));
        command.CommandText = "SELECT coalesce(max(id), 0) FROM passages";
        int capacity = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) + 1;
        var document = new int[capacity];
        var speaker = new int[capacity];
        Array.Fill(document, -1);
        command.CommandText = "SELECT id, document_id, speaker_id FROM passages";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long id = reader.GetInt64(0);
                if (id <= 0 || id >= capacity) continue;
                document[id] = reader.GetInt32(1);
                speaker[id] = reader.GetInt32(2);
            }
        }
        return new PassageCatalog(document, speaker, documents, speakers);
    }

    /// <summary>Every passage with its facts, in id order.</summary>
    public IEnumerable<(int Passage, DocumentFacts Document, SpeakerFacts Speaker)> Passages()
    {
        for (int id = 0; id < _document.Length; id++)
            if (_document[id] >= 0) yield return (id, _documents[_document[id]], _speakers[_speaker[id]]);
    }

    /// <summary>The passages <paramref name="filter"/> allows, or null when it allows all.</summary>
    public PassageSet? Allowed(SearchFilter filter)
    {
        if (filter.IsEmpty) return null;
        string key = filter.Key;
        if (_allowed.TryGetValue(key, out var cached)) return cached;
        var allowed = new PassageSet(Capacity);
        // A document's passages are stored together, mostly with one speaker: test each pair once.
        int lastDocument = -1, lastSpeaker = -1;
        bool lastAllowed = false;
        for (int id = 0; id < _document.Length; id++)
        {
            int document = _document[id], speaker = _speaker[id];
            if (document < 0) continue;
            if (document != lastDocument || speaker != lastSpeaker)
            {
                (lastDocument, lastSpeaker) = (document, speaker);
                lastAllowed = filter.Allows(_documents[document], _speakers[speaker]);
            }
            if (lastAllowed) allowed.Add(id);
        }
        if (_allowed.Count >= MaxCachedFilters) _allowed.Clear();
        return _allowed.GetOrAdd(key, allowed);
    }

    private static T[] ReadById<T>(SqliteCommand command, string sql, Func<SqliteDataReader, T> read) where T : class
    {
        command.CommandText = sql;
        var byId = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            int id = reader.GetInt32(0);
            while (byId.Count <= id) byId.Add(null!);
            byId[id] = read(reader);
        }
        return [.. byId];
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
