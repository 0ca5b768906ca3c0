using Microsoft.AspNetCore.Http.HttpResults;
using PolicySearch.Search;

namespace PolicySearch.Api.Apis;

/// <summary><c>GET /api/speakers</c>: who speaks in the index (nämnder, förvaltningar, parties, persons) and how often.</summary>
internal static class SpeakersApi
{
    public static RouteGroupBuilder MapSpeakersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/speakers", GetSpeakersAsync)
            .WithName("GetSpeakers")
            .WithTags("Talare")
            .WithSummary("Nämnder, förvaltningar, partier och personer med antal stycken");
        return api;
    }

    public static async Task<Ok<SpeakersResponse>> GetSpeakersAsync(PolicySearchIndex index, CancellationToken cancellationToken)
    {
        IReadOnlyList<SpeakerCount> speakers = await index.GetSpeakersAsync(cancellationToken);
        return TypedResults.Ok(new SpeakersResponse(
            speakers.Select(s => new SpeakerEntry(s.Speaker.Name, s.Speaker.Kind, s.Speaker.Party, s.Passages)).ToList()));
    }
}

/// <summary>A speaker and the number of passages attributed to it.</summary>
internal sealed record SpeakerEntry(string Name, string Kind, string? Party, int Passages);

/// <summary>All speakers, most passages first.</summary>
internal sealed record SpeakersResponse(IReadOnlyList<SpeakerEntry> Speakers);
