using System.Net;

namespace PolicySearch.Api.Tests.Apis;

public sealed class SearchValidationTests(PolicySearchApplication app) : IClassFixture<PolicySearchApplication>
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { "", "q" },
        { "q=", "q" },
        { "q=%20%20%09", "q" },
        { "q=" + new string('a', 1001), "q" },
        { "q=sig&top=0", "top" },
        { "q=sig&top=101", "top" },
        { "q=sig&top=tio", "top" },
        { "q=sig&top=99999999999", "top" },
        { "q=sig&offset=-1", "offset" },
        { "q=sig&offset=995&top=10", "offset" },
        { "q=sig&mode=fuzzy", "mode" },
        { "q=sig&from=2018-13-01", "from" },
        { "q=sig&to=igår", "to" },
        { "q=sig&from=23/01/2018", "from" },
        { "q=sig&from=2020-01-01&to=2019-12-31", "from" },
        { "q=sig&body=" + new string('n', 201), "body" },
        { "q=sig&party=" + new string('p', 201), "party" },
        { "q=sig&type=" + new string('t', 201), "type" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_parameters_get_a_swedish_problem_naming_the_parameter(string query, string parameter)
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri("/api/search?" + query, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Ogiltiga parametrar", problem.Str("title"));
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages), $"no error for {parameter}: {errors}");
        Assert.NotEmpty(messages.EnumerateArray().Single().GetString()!);
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_reported()
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri("/api/search?q=&top=0&mode=x&from=x", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["from", "mode", "q", "top"], problem.GetProperty("errors").PropertyNames());
    }

    [Theory]
    [InlineData("q=sig&top=100")]
    [InlineData("q=sig&top=1&offset=999")]
    [InlineData("q=sig&mode=KEYWORD")]
    [InlineData("q=sig&from=2018-01-01&to=2018-01-01")]
    public async Task Values_at_the_limits_are_accepted(string query)
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri("/api/search?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
