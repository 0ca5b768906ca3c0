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

/// <summary>
/// Who states the position in a passage. <see cref="Party"/> is the party abbreviation when known.
/// Several parties speaking together (a joint särskilt uttalande) are one speaker of kind <see cref="SpeakerKind.Party"/>
/// whose <see cref="Name"/> lists the parties ("Miljöpartiet, Socialdemokraterna och Vänsterpartiet") and whose
/// <see cref="Party"/> lists their abbreviations separated by commas ("MP,S,V"); use <see cref="SpeaksFor"/> to match.
/// </summary>
public sealed record Speaker(string Name, SpeakerKind Kind, string? Party = null)
{
    /// <summary>The persons named as speaking for the parties ("Niklas Thorén m.fl."), when stated.</summary>
    public string? Persons { get; init; }

    /// <summary>The party abbreviations in <see cref="Party"/>, one per party.</summary>
    public IReadOnlyList<string> PartyAbbreviations() =>
        Party is null ? [] : Party.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// True when this speaker's words count as <paramref name="other"/>'s: the same name (case-insensitive), one of
    /// the parties of a joint statement, or a person of that party.
    /// </summary>
    public bool SpeaksFor(Speaker other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase))
            return true;
        if (other.Kind == SpeakerKind.Party && other.Party is { } party)
            return PartyAbbreviations().Contains(party, StringComparer.OrdinalIgnoreCase);
        if (other.Kind == SpeakerKind.Person && Persons is { } persons)
            return persons.Contains(other.Name, StringComparison.OrdinalIgnoreCase);
        return false;
    }
}
