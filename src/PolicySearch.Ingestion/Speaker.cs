namespace PolicySearch.Ingestion;

/// <summary>What kind of voice a <see cref="Speaker"/> is.</summary>
public enum SpeakerKind
{
    /// <summary>A nämnd (committee/board), e.g. Skärholmens stadsdelsnämnd, Kommunstyrelsen.</summary>
    Nämnd,
    /// <summary>A förvaltning (administration), e.g. Socialförvaltningen.</summary>
    Förvaltning,
    /// <summary>A political party, e.g. Vänsterpartiet.</summary>
    Party,
    /// <summary>A named person, e.g. a borgarråd.</summary>
    Person,
}

/// <summary>Who states the position in a passage. <see cref="Party"/> is the party abbreviation when known.</summary>
public sealed record Speaker(string Name, SpeakerKind Kind, string? Party = null);
