using PolicySearch.Api.Hosting;

namespace PolicySearch.Api.Tests.Hosting;

public sealed class ContentPathsTests
{
    [Fact]
    public void Relative_paths_resolve_against_the_repository_root_above_the_content_root()
    {
        string contentRoot = Path.Combine(PolicySearchApplication.RepositoryRoot, "src", "PolicySearch.Api");

        Assert.Equal(Path.Combine(PolicySearchApplication.RepositoryRoot, "corpus"), ContentPaths.Resolve("corpus", contentRoot));
        Assert.Equal(Path.Combine(PolicySearchApplication.RepositoryRoot, "data", "policysearch.db"), ContentPaths.Resolve("data/policysearch.db", contentRoot));
    }

    [Fact]
    public void Without_a_repository_relative_paths_resolve_against_the_content_root_and_absolute_ones_stay()
    {
        string deployed = Directory.CreateTempSubdirectory("policysearch-deployed-").FullName;
        try
        {
            Assert.Equal(Path.Combine(deployed, "corpus"), ContentPaths.Resolve("corpus", deployed));
            Assert.Equal("/srv/index.db", ContentPaths.Resolve("/srv/index.db", deployed));
        }
        finally
        {
            Directory.Delete(deployed);
        }
    }
}
