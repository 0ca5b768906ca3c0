namespace PolicySearch.Search.Retrieval;

/// <summary>A set of passage ids below a capacity, as a bitmap: the passages a filter allows, tested in a few nanoseconds each.</summary>
internal sealed class PassageSet(int capacity)
{
    private readonly ulong[] _bits = new ulong[(capacity + 63) / 64];

    public int Count { get; private set; }

    public void Add(long id)
    {
        if ((ulong)id >= (ulong)capacity) return;
        ref ulong word = ref _bits[id >> 6];
        ulong bit = 1UL << (int)(id & 63);
        if ((word & bit) == 0) Count++;
        word |= bit;
    }

    public bool Contains(long id) => (ulong)id < (ulong)capacity && (_bits[id >> 6] & (1UL << (int)(id & 63))) != 0;
}
