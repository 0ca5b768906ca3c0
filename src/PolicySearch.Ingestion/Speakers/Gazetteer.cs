using System.Reflection;
using System.Text;
using System.Text.Json;

namespace PolicySearch.Ingestion;

/// <summary>A speaker named in a text, with the span of the name (<see cref="Start"/>..<see cref="End"/>).</summary>
/// <param name="ByPlaceName">True when only the district's place name matched (<c>Skärholmen</c>), which may be a place rather than the nämnd.</param>
public sealed record SpeakerMention(Speaker Speaker, int Start, int End, bool ByPlaceName = false);

/// <summary>
/// Stockholm's nämnder, förvaltningar, parties and known persons with their aliases and inflected forms,
/// loaded from the embedded <c>gazetteer.json</c>. Matching is case-insensitive and tolerates a genitive -s
/// (<c>Socialnämndens</c>, <c>Liberalernas</c>). Immutable after construction, so safe to share between threads.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> s_default = new(LoadEmbedded);

    private readonly Dictionary<string, Alias> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Speaker> _abbreviations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Speaker> _nämndByFörvaltning = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Speaker> _nämndByDnrPrefix = new(StringComparer.Ordinal);
    private readonly List<Speaker> _speakers = [];
    /// <summary>The first word of every alias with the most words an alias starting with it has: most words start none.</summary>
    private readonly Dictionary<string, int> _firstWords = new(StringComparer.Ordinal);

    private readonly record struct Alias(Speaker Speaker, bool IsPlaceName);

    private Gazetteer(GazetteerData data)
    {
        foreach (DistrictData district in data.Districts)
        {
            var nämnd = Add(new Speaker(district.Nämnd, SpeakerKind.Nämnd));
            var förvaltning = Add(new Speaker(district.Förvaltning, SpeakerKind.Förvaltning));
            _nämndByFörvaltning[förvaltning.Name] = nämnd;
            if (district.DnrPrefix is { } prefix)
                _nämndByDnrPrefix[prefix] = nämnd;
            foreach (string area in new[] { district.Area }.Concat(district.Misspellings ?? []))
            {
                string genitive = area == district.Area ? district.Genitive : area + "s";
                AddAliases(nämnd, district.Nämnd, $"{area} stadsdelsnämnd", $"{genitive} stadsdelsnämnd",
                    $"stadsdelsnämnden i {area}", $"SDN {area}", $"{area} SDN");
                AddAliases(förvaltning, district.Förvaltning, $"{area} stadsdelsförvaltning", $"{genitive} stadsdelsförvaltning",
                    $"stadsdelsförvaltningen i {area}", $"SDF {area}", $"{area} SDF");
                AddAlias(area, new Alias(nämnd, IsPlaceName: true));
            }
        }
        foreach (NämndData entry in data.Nämnder)
        {
            var nämnd = Add(new Speaker(entry.Name, SpeakerKind.Nämnd));
            AddAliases(nämnd, [entry.Name, .. entry.Aliases ?? []]);
            if (entry.DnrPrefix is { } prefix)
                _nämndByDnrPrefix[prefix] = nämnd;
            if (entry.Förvaltning is { } förvaltningName)
            {
                var förvaltning = Add(new Speaker(förvaltningName, SpeakerKind.Förvaltning));
                AddAliases(förvaltning, [förvaltningName, .. entry.FörvaltningAliases ?? []]);
                _nämndByFörvaltning[förvaltningName] = nämnd;
            }
        }
        foreach (PartyData party in data.Parties)
        {
            var speaker = Add(new Speaker(party.Name, SpeakerKind.Party, party.Abbreviation));
            AddAliases(speaker, [party.Name, .. party.Aliases ?? []]);
            _abbreviations[party.Abbreviation] = speaker;
        }
        foreach (PersonData person in data.Persons)
            AddAliases(Add(new Speaker(person.Name, SpeakerKind.Person, person.Party)), person.Name);
        foreach (var (key, alias) in _aliases.ToList())
        {
            // Short upper-case aliases (KS, SDN X) also answer bare abbreviations in questions.
            if (key.Length <= 3 && !key.Contains(' ', StringComparison.Ordinal))
                _abbreviations.TryAdd(key.ToUpperInvariant(), alias.Speaker);
        }
        foreach (string key in _aliases.Keys)
        {
            string[] words = key.Split(' ');
            _firstWords[words[0]] = Math.Max(_firstWords.GetValueOrDefault(words[0]), words.Length);
        }
    }

    /// <summary>The gazetteer shipped with PolicySearch.</summary>
    public static Gazetteer Default => s_default.Value;

    /// <summary>Every canonical speaker the gazetteer knows.</summary>
    public IReadOnlyList<Speaker> Speakers => _speakers;

    /// <summary>
    /// Resolves a name, alias, inflected form or party abbreviation (<c>V</c>, <c>(V)</c>, <c>SDN Skärholmen</c>,
    /// <c>Socialnämndens</c>) to its canonical speaker, or null when unknown.
    /// </summary>
    public Speaker? Resolve(string nameOrAlias)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        string trimmed = nameOrAlias.Trim().Trim('(', ')', '.', ',', ':').Trim();
        if (trimmed.StartsWith("samtliga ", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed["samtliga ".Length..];
        if (_abbreviations.TryGetValue(trimmed.ToUpperInvariant(), out Speaker? byAbbreviation))
            return byAbbreviation;
        List<Word> words = Tokenize(trimmed);
        return words.Count == 0 ? null : Lookup(words, 0, words.Count)?.Speaker;
    }

    /// <summary>
    /// Finds every speaker named in <paramref name="text"/>, longest match first, left to right.
    /// Party abbreviations count only in the forms used for them (<c>(V)</c>, <c>(samtliga M)</c>, or an upper-case
    /// abbreviation of two or more letters such as <c>KD</c>), because single letters are ordinary words.
    /// </summary>
    public IReadOnlyList<SpeakerMention> FindMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<Word> words = Tokenize(text);
        var mentions = new List<SpeakerMention>();
        for (int i = 0; i < words.Count;)
        {
            int matched = 0;
            for (int n = Math.Min(MaxWordsFrom(words[i].Normalized), words.Count - i); n >= 1 && matched == 0; n--)
            {
                if (Lookup(words, i, n) is { } alias)
                {
                    mentions.Add(new SpeakerMention(alias.Speaker, words[i].Start, words[i + n - 1].End, alias.IsPlaceName));
                    matched = n;
                }
            }
            if (matched == 0 && AbbreviationAt(text, words[i]) is { } mention)
            {
                mentions.Add(mention);
                matched = 1;
            }
            i += Math.Max(matched, 1);
        }
        return mentions;
    }

    /// <summary>The nämnd a förvaltning works for (Socialförvaltningen → Socialnämnden), or null.</summary>
    public Speaker? NämndFor(Speaker förvaltning)
    {
        ArgumentNullException.ThrowIfNull(förvaltning);
        return _nämndByFörvaltning.GetValueOrDefault(förvaltning.Name);
    }

    /// <summary>The förvaltning working for a nämnd (Socialnämnden → Socialförvaltningen), or null.</summary>
    public Speaker? FörvaltningFor(Speaker nämnd)
    {
        ArgumentNullException.ThrowIfNull(nämnd);
        foreach (var (förvaltning, owner) in _nämndByFörvaltning)
        {
            if (owner == nämnd)
                return new Speaker(förvaltning, SpeakerKind.Förvaltning);
        }
        return null;
    }

    /// <summary>The party with this abbreviation (<c>MP</c>), or null.</summary>
    public Speaker? Party(string abbreviation) =>
        _abbreviations.TryGetValue(abbreviation.Trim().ToUpperInvariant(), out Speaker? speaker) && speaker.Kind == SpeakerKind.Party
            ? speaker : null;

    /// <summary>The nämnd whose diarium uses this prefix (<c>HV</c> in <c>HV 2020/786</c>), or null.</summary>
    internal Speaker? NämndForDnrPrefix(string prefix) => _nämndByDnrPrefix.GetValueOrDefault(prefix.ToUpperInvariant());

    private SpeakerMention? AbbreviationAt(string text, Word word)
    {
        string original = text[word.Start..word.End];
        bool parenthesised = word.Start > 0 && text[word.Start - 1] == '(' && word.End < text.Length && text[word.End] == ')';
        bool afterSamtliga = word.Start >= 10 && text.AsSpan(word.Start - 9, 9).Equals("samtliga ", StringComparison.OrdinalIgnoreCase)
            && word.End < text.Length && text[word.End] == ')';
        bool upperCase = original.Length >= 2 && original.All(c => !char.IsLetter(c) || char.IsUpper(c));
        if (!(parenthesised || afterSamtliga || upperCase) || !_abbreviations.TryGetValue(original.ToUpperInvariant(), out Speaker? speaker))
            return null;
        return new SpeakerMention(speaker, word.Start, word.End);
    }

    private int MaxWordsFrom(string first) =>
        _firstWords.TryGetValue(first, out int n) ? n
        : first.Length > 3 && first[^1] == 's' && _firstWords.TryGetValue(first[..^1], out n) ? n
        : 0;

    private Alias? Lookup(List<Word> words, int start, int count)
    {
        var key = new StringBuilder();
        for (int k = start; k < start + count; k++)
        {
            if (k > start)
                key.Append(' ');
            key.Append(words[k].Normalized);
        }
        string joined = key.ToString();
        if (_aliases.TryGetValue(joined, out Alias alias))
            return alias;
        // Genitive: "Socialnämndens", "Skärholmens stadsdelsnämnds".
        if (joined.Length > 3 && joined[^1] == 's' && _aliases.TryGetValue(joined[..^1], out alias))
            return alias;
        return null;
    }

    private Speaker Add(Speaker speaker)
    {
        _speakers.Add(speaker);
        return speaker;
    }

    private void AddAliases(Speaker speaker, params string[] names)
    {
        foreach (string name in names)
            AddAlias(name, new Alias(speaker, IsPlaceName: false));
    }

    private void AddAlias(string name, Alias alias)
    {
        string key = string.Join(' ', Tokenize(name).Select(w => w.Normalized));
        if (key.Length > 0)
            _aliases.TryAdd(key, alias);
    }

    private readonly record struct Word(int Start, int End, string Normalized);

    /// <summary>Words are letters and digits, joined by inner hyphens or dashes; normalised to lower case with '-' for any dash.</summary>
    private static List<Word> Tokenize(string text)
    {
        var words = new List<Word>();
        var normalized = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            normalized.Clear();
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsLetterOrDigit(c))
                    normalized.Append(char.ToLowerInvariant(c));
                else if (IsDash(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && normalized.Length > 0)
                    normalized.Append('-');
                else if (c != '\u00AD')
                    break;
                i++;
            }
            words.Add(new Word(start, i, normalized.ToString()));
        }
        return words;
    }

    private static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2013';

    private static Gazetteer LoadEmbedded()
    {
        Assembly assembly = typeof(Gazetteer).Assembly;
        using Stream stream = assembly.GetManifestResourceStream("PolicySearch.Ingestion.gazetteer.json")
            ?? throw new InvalidOperationException("The embedded gazetteer.json is missing from PolicySearch.Ingestion.");
        var data = JsonSerializer.Deserialize<GazetteerData>(stream, GazetteerData.SerializerOptions)
            ?? throw new InvalidOperationException("The embedded gazetteer.json is empty.");
        return new Gazetteer(data);
    }
}
