namespace PolicySearch.Search.Tests;

/// <summary>One indexed copy of the seed corpus shared by the read-only tests of a class.</summary>
public sealed class SeedIndexFixture : IAsyncLifetime
{
    internal SeedIndex Seed { get; private set; } = null!;

    public async Task InitializeAsync() => Seed = await SeedIndex.IndexedAsync();

    public async Task DisposeAsync() => await Seed.DisposeAsync();
}
