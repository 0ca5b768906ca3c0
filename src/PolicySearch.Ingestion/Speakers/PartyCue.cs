using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>
/// Reads which parties and persons a sentence names as speaking: party markers after names
/// (<c>Niklas Thorén m.fl. (V)</c>, <c>(samtliga M)</c>) win over party names in the text
/// (<c>för Moderaterna och Liberalerna</c>), so "Ersättaren Sofia Modigh (KD) hänvisar till Moderaternas förslag"
/// is Kristdemokraterna speaking.
/// </summary>
internal static partial class PartyCue
{
    [GeneratedRegex(@"\((?:samtliga\s+)?(?<party>[A-ZÅÄÖ]{1,2})\)")]
    private static partial Regex PartyMarker();

    [GeneratedRegex(@"(?<name>\p{Lu}[\p{L}'\-]+(?:\s+\p{Lu}[\p{L}'\-]+){1,3})(?:\s+m\.\s?fl\.?)?\s*\((?:samtliga\s+)?(?:[A-ZÅÄÖ]{1,2}|-)\)")]
    private static partial Regex NameBeforeMarker();

    private static readonly HashSet<string> s_roleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ordföranden", "Ordförande", "Vice", "Ledamoten", "Ledamöterna", "Ersättaren", "Ersättarna", "Borgarrådet",
        "Föredragande", "Förste", "Andre", "Tjänstgörande",
    };

    /// <summary>The parties speaking in <paramref name="text"/> as one speaker, or null when no party is named.</summary>
    public static Speaker? Find(string text, Gazetteer gazetteer)
    {
        var parties = new List<Speaker>();
        foreach (Match marker in PartyMarker().Matches(text))
        {
            if (gazetteer.Party(marker.Groups["party"].Value) is { } party && !parties.Contains(party))
                parties.Add(party);
        }
        if (parties.Count == 0)
        {
            foreach (SpeakerMention mention in gazetteer.FindMentions(text))
            {
                if (mention.Speaker.Kind == SpeakerKind.Party && !parties.Contains(mention.Speaker))
                    parties.Add(mention.Speaker);
            }
        }
        return parties.Count == 0 ? null : Combine(parties, Persons(text, gazetteer));
    }

    /// <summary>The persons named with a party marker, role words dropped: "Åsa Lindhagen, Rana Carlstedt".</summary>
    public static string? Persons(string text, Gazetteer gazetteer)
    {
        var names = new List<string>();
        foreach (Match match in NameBeforeMarker().Matches(text))
        {
            string[] words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string name = string.Join(' ', words.SkipWhile(w => s_roleWords.Contains(w)));
            if (name.Contains(' ', StringComparison.Ordinal) && !names.Contains(name))
                names.Add(name);
        }
        if (names.Count == 0)
        {
            names.AddRange(gazetteer.FindMentions(text).Where(m => m.Speaker.Kind == SpeakerKind.Person)
                .Select(m => m.Speaker.Name).Distinct());
        }
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>One speaker for parties speaking together; see <see cref="Speaker"/> for the representation.</summary>
    public static Speaker Combine(IReadOnlyList<Speaker> parties, string? persons)
    {
        if (parties.Count == 1)
            return parties[0] with { Persons = persons };
        string names = string.Join(", ", parties.Take(parties.Count - 1).Select(p => p.Name)) + " och " + parties[^1].Name;
        return new Speaker(names, SpeakerKind.Party, string.Join(',', parties.Select(p => p.Party))) { Persons = persons };
    }
}
