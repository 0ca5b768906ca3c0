using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>
/// Recognises the lines of page headers and footers: page numbers (<c>Sida 10 (14)</c>), diarienummer and
/// document-type lines, the sender's address block (organisation, street, box, postcode, phone, e-mail, web).
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>A page-number line; group "page" is the number of the page it heads.</summary>
    [GeneratedRegex(@"^(?:Sida|Sid\.?|Page)\s+(?<page>\d{1,4})(?:\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of)\s+\d{1,4}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PageNumberLine();

    [GeneratedRegex(@"^(?:(?:Dnr|Diarienr|Diarienummer)\b[.:]?\s*\S.{0,40}|(?:Tjänsteutlåtande|Protokollsutdrag|Protokoll|Utlåtande|Remissvar|Skrivelse|Promemoria|PM|Yttrande|Motion)(?:\s+\S+){0,2}|(?:Datum\s*:?\s*)?\d{4}-\d{2}-\d{2}|Sammanträdesdatum.*|\S+@\S+\.\w{2,}|(?:https?://)?(?:www\.)?[\w.-]+\.(?:se|nu|com|org|eu)(?:/\S*)?|(?:Växel|Telefon|Tel\.?|Fax|Telefax|Mobil|Direkt(?:nr)?)\b.*\d.*|[\d\s+()\-]{7,}|Box\s+\d+.*|\d{3}\s?\d{2}\s+\p{Lu}.*|\p{Lu}[\p{L}\-]*(?:\s+\p{L}[\p{L}\-]*){0,3}\s+\d+(?:-\d+)?\s?\p{L}?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLine();

    [GeneratedRegex(@"förvaltning|kontoret|nämnd|Stockholms stad|avdelning|enhet|stab", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationWord();

    /// <summary>True for a line that only ever appears in a page header or footer.</summary>
    public static bool IsFurniture(string trimmed) =>
        trimmed.Length <= 70 && (PageNumberLine().IsMatch(trimmed) || FurnitureLine().IsMatch(trimmed) || IsOrganisation(trimmed));

    /// <summary>A short label (unit name, "Strategi- och internservice") that is furniture when it sits between furniture lines.</summary>
    public static bool IsShortLabel(string trimmed) =>
        trimmed.Length <= 45 && !TextShape.EndsSentence(trimmed) && trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;

    private static bool IsOrganisation(string trimmed) =>
        trimmed.Length <= 60 && !TextShape.EndsSentence(trimmed) && !trimmed.EndsWith(',') && OrganisationWord().IsMatch(trimmed)
        && trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;
}
