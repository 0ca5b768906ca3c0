namespace PolicySearch.Ingestion;

/// <summary>
/// Cuts the clean document into passages: whole paragraphs of about <see cref="MinLength"/>–<see cref="MaxLength"/>
/// characters, never across a heading or a change of speaker. Short paragraphs join the next; list items join their
/// lead-in; a paragraph longer than <see cref="TargetLength"/> is split at sentence boundaries into even parts
/// (at word boundaries inside a sentence too long for one passage).
/// The headings opening a section start its first passage, so a search for a heading (a title with its
/// diarienummer) finds the passage it heads.
/// </summary>
internal static class PassageBuilder
{
    public const int MinLength = 300;
    public const int MaxLength = 1500;

    /// <summary>
    /// A fragment (under half <see cref="MinLength"/>) joins a passage that is already long enough while the two stay within this length, and a
    /// paragraph longer than this is split at sentences into parts of about <see cref="PartLength"/>, so that
    /// distinct statements in one long paragraph can be found and cited apart.
    /// </summary>
    public const int TargetLength = 1000;

    public const int PartLength = 700;

    private readonly record struct Unit(int Start, int End, int? Page, string? Section, Speaker Speaker, bool IsListItem, bool Introduces);

    public static List<Passage> Build(CleanDocument document, IReadOnlyList<Speaker?> speakers)
    {
        var passages = new List<Passage>();
        var pending = new List<Unit>();
        string? section = null;
        int? headingsStart = null;
        for (int i = 0; i < document.Blocks.Count; i++)
        {
            Block block = document.Blocks[i];
            if (block.Kind == BlockKind.Heading)
            {
                Flush(document.Text, pending, passages);
                section = block.Text;
                headingsStart ??= block.Start;
                continue;
            }
            if (speakers[i] is not { } speaker)
                continue;
            foreach (Unit unit in Units(block, section, speaker))
            {
                if (pending.Count > 0 && !Fits(pending, unit))
                    Flush(document.Text, pending, passages);
                pending.Add(pending.Count == 0 && headingsStart is { } start ? unit with { Start = start } : unit);
                headingsStart = null;
            }
        }
        Flush(document.Text, pending, passages);
        return passages;
    }

    private static bool Fits(List<Unit> pending, Unit next)
    {
        Unit last = pending[^1];
        if (last.Speaker != next.Speaker || last.Section != next.Section)
            return false;
        int length = next.End - pending[0].Start;
        if (length > MaxLength)
            return false;
        // A list continues its lead-in; otherwise a passage that is long enough ends at the paragraph,
        // unless the next paragraph is a fragment too short to stand alone.
        return (next.IsListItem && (last.IsListItem || last.Introduces))
            || last.End - pending[0].Start < MinLength
            || (next.End - next.Start < MinLength / 2 && length <= TargetLength);
    }

    private static IEnumerable<Unit> Units(Block block, string? section, Speaker speaker)
    {
        int contentStart = block.End - block.Text.Length;
        bool introduces = block.Text.TrimEnd().EndsWith(':');
        if (block.End - block.Start <= TargetLength)
        {
            yield return new Unit(block.Start, block.End, block.PageAt(0), section, speaker, block.Kind == BlockKind.ListItem, introduces);
            yield break;
        }
        List<int> cuts = PieceStarts(block.Text);
        cuts.Add(block.Text.Length);
        int partsLeft = (int)Math.Ceiling(block.Text.Length / (double)PartLength);
        int partStart = 0;
        for (int s = 1; s < cuts.Count; s++)
        {
            // Cut at the boundary nearest an even share of what is left, never letting a part exceed MaxLength.
            double target = (block.Text.Length - partStart) / (double)Math.Max(1, partsLeft);
            bool last = s == cuts.Count - 1;
            int end = cuts[s];
            bool overshoots = end - partStart >= target || (!last && cuts[s + 1] - partStart > MaxLength);
            if (!last && !overshoots)
                continue;
            if (!last && s > 1 && cuts[s - 1] > partStart && target - (cuts[s - 1] - partStart) < end - partStart - target)
                end = cuts[--s];
            int from = partStart == 0 ? block.Start : contentStart + partStart;
            int to = contentStart + TrimmedEnd(block.Text, end);
            yield return new Unit(from, to, block.PageAt(partStart), section, speaker, block.Kind == BlockKind.ListItem, introduces && end == block.Text.Length);
            partStart = end;
            partsLeft--;
        }
    }

    /// <summary>Sentence starts, with word boundaries added inside any sentence too long for one passage.</summary>
    private static List<int> PieceStarts(string text)
    {
        List<int> sentences = SentenceSplitter.Starts(text);
        var starts = new List<int>(sentences.Count);
        int step = (int)(MaxLength * 0.6);
        for (int i = 0; i < sentences.Count; i++)
        {
            int start = sentences[i];
            int end = i + 1 < sentences.Count ? sentences[i + 1] : text.Length;
            starts.Add(start);
            for (int at = start + step; end - at > step / 2; at += step)
            {
                int space = text.LastIndexOf(' ', at, Math.Min(step / 2, at - start));
                at = space > start ? space + 1 : at;
                starts.Add(at);
            }
        }
        return starts;
    }

    private static int TrimmedEnd(string text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            end--;
        return end;
    }

    private static void Flush(string text, List<Unit> pending, List<Passage> passages)
    {
        if (pending.Count == 0)
            return;
        Unit first = pending[0];
        int end = pending[^1].End;
        passages.Add(new Passage(passages.Count, text[first.Start..end], first.Start, end, first.Section, first.Page, first.Speaker));
        pending.Clear();
    }
}
