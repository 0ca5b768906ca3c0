using System.Net;
using System.Text;
using PolicySearch.Api.Tests.Apis;

namespace PolicySearch.Api.Tests;

public sealed class ReaderSettingsTests
{
    [Fact]
    public async Task Reader_limits_come_from_the_Readers_section_and_refusals_say_why_in_Swedish()
    {
        await using var app = new PolicySearchApplication { Settings = {
            ["Readers:MaxFileBytes"] = "1000",
            ["Readers:MaxLineCharacters"] = "200",
        } };
        var client = await app.CreateReadyClientAsync();

        using var upload = await DocumentsApiTests.UploadAsync(client, PolicySearchApplication.ApiKey,
            ("stor.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat("Förvaltningen anser att parken behövs.", 40)))),
            ("rad.txt", Encoding.UTF8.GetBytes(new string('a', 500))),
            ("liten.txt", Encoding.UTF8.GetBytes("Förvaltningen anser att pelikanparken behövs.")));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var files = (await upload.ReadJsonAsync()).GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["failed", "failed", "indexed"], files.Select(f => f.Str("status")));
        Assert.EndsWith("stor.txt: filen är större än gränsen 1 000 byte (Readers:MaxFileBytes).", files[0].Str("error"), StringComparison.Ordinal);
        Assert.EndsWith("rad.txt: en rad på 500 tecken, mer än gränsen 200 (Readers:MaxLineCharacters); inte dokumenttext.", files[1].Str("error"), StringComparison.Ordinal);
    }
}
