using System.Text.Json;

namespace PolicySearch.Ingestion;

/// <summary>The shape of <c>gazetteer.json</c>.</summary>
internal sealed record GazetteerData(
    IReadOnlyList<DistrictData> Districts,
    IReadOnlyList<NämndData> Nämnder,
    IReadOnlyList<PartyData> Parties,
    IReadOnlyList<PersonData> Persons)
{
    public static readonly JsonSerializerOptions SerializerOptions = new() { PropertyNameCaseInsensitive = true };
}

/// <summary>A stadsdelsområde: its nämnd and förvaltning are named after the area.</summary>
internal sealed record DistrictData(string Area, string Genitive, string Nämnd, string Förvaltning, string? DnrPrefix, IReadOnlyList<string>? Misspellings);

/// <summary>A facknämnd (or Kommunstyrelsen) and the förvaltning serving it.</summary>
internal sealed record NämndData(string Name, IReadOnlyList<string>? Aliases, string? Förvaltning, IReadOnlyList<string>? FörvaltningAliases, string? DnrPrefix);

internal sealed record PartyData(string Abbreviation, string Name, IReadOnlyList<string>? Aliases);

internal sealed record PersonData(string Name, string? Party, string? Role);
