using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>What the metadata stage found, including the speakers the attribution stage needs.</summary>
/// <param name="Author">The body the document speaks for (its nämnd, or its förvaltning when no nämnd is known).</param>
/// <param name="MotionAuthors">The authors of the motion the document answers, when it answers one.</param>
internal sealed record InferredMetadata(DocumentMetadata Metadata, Speaker? Author, Speaker? MotionAuthors);

/// <summary>
/// Infers a document's metadata from its clean structure: title, type, diarienummer, motion numbers, date, the
/// authoring nämnd and förvaltning, signatories, and the motion's authors. Everything comes from cue words and
/// patterns of Stockholm's documents, resolved through the <see cref="Gazetteer"/>.
/// </summary>
internal static partial class MetadataExtractor
{
    private const int HeadBlocks = 12;

    private static readonly (string Word, string Type)[] s_types =
    [
        ("tjänsteutlåtande", "tjänsteutlåtande"), ("protokollsutdrag", "protokollsutdrag"), ("utlåtande", "utlåtande"),
        ("remissvar", "remissvar"), ("reservation", "reservation"), ("motion", "motion"), ("skrivelse", "skrivelse"),
        ("yttrande", "yttrande"), ("protokoll", "protokoll"),
    ];

    [GeneratedRegex(@"\b(?:Dnr|dnr|Diarienummer|Diarienr)[.:]?\s*(?<dnr>(?:[A-ZÅÄÖ]{1,4}\s+)?\d{4}/\d{1,6}(?:[-:]\d+)?|\d+(?:\.\d+)*-\d+/\d{4})")]
    private static partial Regex Dnr();

    [GeneratedRegex(@"\((?<number>(?:19|20)\d{2}:\d{1,3})\)|\b[Mm]otion(?:en)?\s+(?:nr\s+)?(?<number>(?:19|20)\d{2}:\d{1,3})\b")]
    private static partial Regex MotionNumber();

    [GeneratedRegex(@"\b[Mm]otion(?:en)?\s+(?:från|av)\s+(?<who>.{1,300}?)(?=\s+(?:gällande|om|angående|har|i\s+kommunfullmäktige)\b|[”""]|\.\s+\p{Lu}|\.?$)")]
    private static partial Regex MotionBy();

    [GeneratedRegex(@"^(?<who>.{2,60}?)\s+motionerar\b")]
    private static partial Regex Motionerar();

    [GeneratedRegex(@"^(?:\d+\.\s+)?(?<who>.{1,120}?)\s+(?:beslutar|godkänner|hänvisar|överlämnar|föreslår|besvarar|tillstyrker|avstyrker)\b")]
    private static partial Regex Decision();

    [GeneratedRegex(@"^\w+\s+den\s+\d{1,2}\s+\p{L}+\s+\d{4}$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"har\s+(?:skickat|remitterat|översänt)\s+(?<what>\p{Lu}[^.]{4,100}?)\s+(?:på\s+remiss|till\s+)")]
    private static partial Regex Remitted();

    [GeneratedRegex(@"\b[Mm]otion\s+(?:från|av)\s+[^.\n]{2,60}?\s+om\s+[^.\n]{5,140}")]
    private static partial Regex MotionTitle();

    [GeneratedRegex(@"[”""](?<quote>[^”""]{10,200})[”""]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex ColumnGap();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Parenthesised();

    public static InferredMetadata Extract(CleanDocument document, string sourceName, Gazetteer gazetteer)
    {
        IReadOnlyList<Block> blocks = document.Blocks;
        var head = blocks.Take(HeadBlocks).ToList();
        string? type = DocumentType(head, document.Furniture);
        Speaker? nämnd = AuthoringNämnd(blocks, document, gazetteer);
        Speaker? förvaltning = Förvaltning(document, nämnd, gazetteer);
        var dnrs = head.Select(b => b.Text).Concat(document.Furniture)
            .SelectMany(t => Dnr().Matches(t)).Select(m => m.Groups["dnr"].Value).Distinct(StringComparer.Ordinal).ToList();
        var motionNumbers = blocks.SelectMany(b => MotionNumber().Matches(b.Text))
            .Select(m => m.Groups["number"].Value).Distinct(StringComparer.Ordinal).ToList();
        var metadata = new DocumentMetadata
        {
            Title = Title(blocks, document.Text, sourceName, type, nämnd, dnrs),
            DocumentType = type,
            Dnrs = dnrs,
            MotionNumbers = motionNumbers,
            Date = DocumentDate(blocks, document.Furniture),
            Dates = [.. blocks.SelectMany(b => SwedishDates.Find(b.Text)).Select(d => d.Date).Distinct().Order()],
            Nämnd = nämnd?.Name,
            Förvaltning = förvaltning?.Name,
            Signatories = Signatories(blocks, gazetteer),
        };
        return new InferredMetadata(metadata, nämnd ?? förvaltning, MotionAuthors(blocks, gazetteer));
    }

    private static string? DocumentType(List<Block> head, IReadOnlyList<string> furniture)
    {
        foreach (string text in furniture.Concat(head.Take(3).Select(b => b.Text)))
        {
            foreach (var (word, type) in s_types)
            {
                if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    return type;
            }
        }
        if (head.Count > 0 && head[0].Text.StartsWith('§'))
            return "protokollsutdrag";
        string headText = string.Join('\n', head.Select(b => b.Text));
        if (headText.Contains("förslag till beslut", StringComparison.OrdinalIgnoreCase)
            && headText.Contains("tjänsteutlåtande", StringComparison.OrdinalIgnoreCase))
            return "tjänsteutlåtande";
        if (headText.Contains("svar på remiss", StringComparison.OrdinalIgnoreCase))
            return "remissvar";
        return null;
    }

    /// <summary>
    /// The nämnd deciding in the document's opening ("Socialnämnden hänvisar till …"); a generic "Stadsdelsnämnden"
    /// is resolved by the diarienummer's prefix or the district the document names most.
    /// </summary>
    private static Speaker? AuthoringNämnd(IReadOnlyList<Block> blocks, CleanDocument document, Gazetteer gazetteer)
    {
        bool generic = false;
        foreach (Block block in blocks.Take(HeadBlocks).Where(b => b.Kind is BlockKind.Paragraph or BlockKind.ListItem))
        {
            Match decision = Decision().Match(block.Text);
            if (!decision.Success)
                continue;
            string who = decision.Groups["who"].Value;
            if (gazetteer.FindMentions(who).FirstOrDefault(m => !m.ByPlaceName && m.Speaker.Kind == SpeakerKind.Nämnd) is { } mention)
                return mention.Speaker;
            generic |= who.EndsWith("nämnden", StringComparison.OrdinalIgnoreCase);
        }
        foreach (string line in document.Furniture)
        {
            if (Dnr().Match(line) is { Success: true } dnr && dnr.Groups["dnr"].Value.Split(' ') is [var prefix, _]
                && gazetteer.NämndForDnrPrefix(prefix) is { } byPrefix)
                return byPrefix;
            if (gazetteer.Resolve(line) is { Kind: SpeakerKind.Förvaltning } förvaltning && gazetteer.NämndFor(förvaltning) is { } owner)
                return owner;
        }
        if (blocks.FirstOrDefault(b => b.Kind == BlockKind.Signature && b.Text.StartsWith("På ", StringComparison.Ordinal)) is { } onBehalf
            && gazetteer.FindMentions(onBehalf.Text).FirstOrDefault(m => m.Speaker.Kind == SpeakerKind.Nämnd) is { } signer)
            return signer.Speaker;
        return generic ? MostNamedDistrict(document.Text, gazetteer) : null;
    }

    private static Speaker? MostNamedDistrict(string text, Gazetteer gazetteer) =>
        gazetteer.FindMentions(text)
            .Select(m => m.Speaker.Kind == SpeakerKind.Förvaltning ? gazetteer.NämndFor(m.Speaker) : m.Speaker)
            .Where(s => s is { Kind: SpeakerKind.Nämnd } && s.Name.EndsWith("stadsdelsnämnd", StringComparison.Ordinal))
            .GroupBy(s => s!)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault()?.Key;

    private static Speaker? Förvaltning(CleanDocument document, Speaker? nämnd, Gazetteer gazetteer)
    {
        foreach (string line in document.Furniture)
        {
            if (gazetteer.Resolve(line) is { Kind: SpeakerKind.Förvaltning } förvaltning)
                return förvaltning;
        }
        return nämnd is null ? null : gazetteer.FörvaltningFor(nämnd);
    }

    private static DateOnly? DocumentDate(IReadOnlyList<Block> blocks, IReadOnlyList<string> furniture)
    {
        // A dateline ("Stockholm den 17 februari 2021") or a date in the page header is the document's own date.
        foreach (string text in blocks.Where(b => b.Kind == BlockKind.Paragraph && DateLine().IsMatch(b.Text)).Select(b => b.Text).Concat(furniture))
        {
            if (SwedishDates.Find(text).FirstOrDefault() is { Date: var date } && date != default)
                return date;
        }
        // Otherwise the latest date the text mentions (a remiss deadline is close to the answer's date).
        var dates = blocks.SelectMany(b => SwedishDates.Find(b.Text)).Select(d => d.Date).ToList();
        return dates.Count == 0 ? null : dates.Max();
    }

    private static string Title(IReadOnlyList<Block> blocks, string text, string sourceName, string? type, Speaker? nämnd, List<string> dnrs)
    {
        var parts = new List<string>();
        bool markdown = blocks.Any(b => b.Kind == BlockKind.Heading && b.Level > 1);
        foreach (Block block in blocks.Take(HeadBlocks))
        {
            if (markdown)
            {
                if (block.Kind == BlockKind.Heading && !IsTypeLine(block.Text))
                    return block.Text;
                continue;
            }
            if (block.Text.StartsWith('§') || block.Text.StartsWith("Dnr", StringComparison.Ordinal))
                continue;
            if (block.Kind != BlockKind.Heading && (block.LineCount > 2 || TextShape.EndsSentence(block.Text))
                || block.Text.Contains("beslut", StringComparison.OrdinalIgnoreCase)
                || block.Text.Contains("Sammanfattning", StringComparison.Ordinal) || block.Kind == BlockKind.Signature)
                break;
            parts.Add(block.Text);
        }
        if (parts.Count > 0)
        {
            // A title cut at the top of the page ("Stockholm för alla") is completed from the quoted name in the text.
            if (Quoted().Matches(text).Select(m => m.Groups["quote"].Value).FirstOrDefault(q => q.EndsWith(parts[0], StringComparison.Ordinal)) is { } full)
                parts[0] = full;
            return string.Join(" – ", parts);
        }
        if (Remitted().Match(text) is { Success: true } remitted)
            return "Svar på remiss om " + remitted.Groups["what"].Value.Trim();
        if (MotionTitle().Match(text) is { Success: true } motion)
            return "Svar på m" + motion.Value.Trim()[1..];
        return type is null
            ? Path.GetFileNameWithoutExtension(sourceName)
            : string.Join(", ", new[] { Capitalise(type), nämnd?.Name, dnrs.FirstOrDefault() is { } dnr ? "Dnr " + dnr : null }.Where(s => s is not null));
    }

    /// <summary>A line naming only the document's type and register ("Utlåtande Rotel VIII (Dnr KS 2019/1899)"), not its subject.</summary>
    private static bool IsTypeLine(string text) =>
        s_types.Any(t => text.StartsWith(t.Word, StringComparison.OrdinalIgnoreCase))
        && (TextShape.WordCount(text) == 1 || Dnr().IsMatch(text) || text.Contains("Rotel", StringComparison.Ordinal));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>Names above roles ("Susanne Leinsköld  Anna Mattsson" / "Stadsdelsdirektör  Avdelningschef"), and names after "På … vägnar:".</summary>
    private static List<Signatory> Signatories(IReadOnlyList<Block> blocks, Gazetteer gazetteer)
    {
        var signatories = new List<Signatory>();
        for (int i = 0; i < blocks.Count; i++)
        {
            Block block = blocks[i];
            if (block.Kind != BlockKind.Signature || BlockClassifier.IsRoleLine(block.Text) || block.Text.StartsWith("På ", StringComparison.Ordinal))
                continue;
            string[] names = ColumnGap().Split(block.RawText.Trim());
            string[] roles = i + 1 < blocks.Count && BlockClassifier.IsRoleLine(blocks[i + 1].Text)
                ? blocks[i + 1].RawText.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                : [];
            for (int n = 0; n < names.Length; n++)
            {
                string name = NameCase(names[n]);
                string? role = n < roles.Length ? roles[n] : gazetteer.Resolve(name) is { Kind: SpeakerKind.Person } ? PersonRole(name, blocks) : null;
                signatories.Add(new Signatory(name, role));
            }
        }
        return signatories;
    }

    /// <summary>A person's role as the text states it before the name ("Föredragande borgarrådet Jan Jönsson").</summary>
    private static string? PersonRole(string name, IReadOnlyList<Block> blocks)
    {
        foreach (Block block in blocks)
        {
            int at = block.Text.IndexOf(" " + name, StringComparison.Ordinal);
            if (at > 0)
            {
                string before = block.Text[..at];
                string[] words = before.Split(' ');
                string role = string.Join(' ', words.Skip(Math.Max(0, words.Length - 2)));
                if (role.EndsWith("borgarrådet", StringComparison.OrdinalIgnoreCase) || role.EndsWith("ordföranden", StringComparison.OrdinalIgnoreCase))
                    return role[..^2];
            }
        }
        return null;
    }

    private static string NameCase(string name) =>
        name.Any(char.IsLower) ? name : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    /// <summary>The motion's authors: "motion från A, B … (samtliga M)", "Motion av Bengt Herke m.fl. (-)", "Liberalerna motionerar om".</summary>
    private static Speaker? MotionAuthors(IReadOnlyList<Block> blocks, Gazetteer gazetteer)
    {
        foreach (Block block in blocks.Where(b => b.Kind != BlockKind.Heading || b.Level > 1))
        {
            string? who = MotionBy().Match(block.Text) is { Success: true } by ? by.Groups["who"].Value
                : Motionerar().Match(block.Text) is { Success: true } motionerar ? motionerar.Groups["who"].Value
                : null;
            if (who is null)
                continue;
            string named = Parenthesised().Replace(who, "").Trim();
            if (PartyCue.Find(who, gazetteer) is { } parties)
                return parties with { Persons = named == parties.Name ? null : named };
            if (PartyCue.Persons(who, gazetteer) is { } persons)
            {
                string first = persons.Split(", ")[0];
                return new Speaker(first, SpeakerKind.Person, gazetteer.Resolve(first)?.Party) { Persons = named };
            }
        }
        return null;
    }
}
