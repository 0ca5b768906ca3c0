using PolicySearch.Ingestion;

namespace PolicySearch.Search.Querying;

/// <summary>
/// The speaker a query names: the name to show, every voice it stands for (a nämnd and its förvaltning speak
/// as one; a party also through joint reservations), and the character spans of the query that named it.
/// </summary>
internal sealed record SpeakerMatch(Speaker Named, IReadOnlyList<Speaker> Voices, IReadOnlyList<(int Start, int End)> Spans);
