using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;

namespace PolicySearch.Embeddings.Local;

/// <summary>
/// The local embedding model: character n-gram TF-IDF of a passage projected onto the top singular
/// vectors of the training passages (latent semantic analysis over sub-words). Trained in seconds from
/// the indexed passages, needs no download, and embeds new text with the existing projection
/// (no retraining). Immutable and safe to use from many threads.
/// </summary>
public sealed class LocalEmbeddingModel
{
    private const string Magic = "PSLM";
    private const int FormatVersion = 2;

    [ThreadStatic]
    private static EmbeddingScratch? t_scratch;

    private readonly LocalModelSettings _settings;
    private readonly CharNGramFeaturizer _featurizer;
    private readonly Dictionary<ulong, int> _vocabulary;
    private readonly ulong[] _features;
    private readonly float[] _idf;
    private readonly float[] _projection;

    private LocalEmbeddingModel(LocalModelSettings settings, ulong[] features, float[] idf, float[] projection)
    {
        _settings = settings;
        _featurizer = new CharNGramFeaturizer(settings.MinNGram, settings.MaxNGram, settings.FoldDiacritics, settings.WordWeight > 0);
        _features = features;
        _idf = idf;
        _projection = projection;
        _vocabulary = new Dictionary<ulong, int>(features.Length);
        for (int i = 0; i < features.Length; i++)
            _vocabulary.Add(features[i], i);
        ModelId = $"local-char{settings.MinNGram}{settings.MaxNGram}-svd{settings.Dimensions}-{ContentHash()}";
    }

    /// <summary>Identifies this exact model (settings and trained weights); vectors from different ids do not mix.</summary>
    public string ModelId { get; }

    /// <summary>Length of the vectors this model makes.</summary>
    public int Dimensions => _settings.Dimensions;

    /// <summary>Number of features (n-grams and words) in the vocabulary.</summary>
    public int VocabularySize => _features.Length;

    /// <summary>The settings the model was trained with.</summary>
    public LocalModelSettings Settings => _settings;

    /// <summary>
    /// Trains a model from passage texts, or from a seeded sample of <see cref="LocalModelSettings.MaxTrainingPassages"/>
    /// of them. Deterministic for the same texts (in the same order) and settings.
    /// </summary>
    public static LocalEmbeddingModel Train(IReadOnlyList<string> texts, LocalModelSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        settings ??= new LocalModelSettings();
        Validate(settings);
        texts = TrainingSample.Of(texts, settings.MaxTrainingPassages, settings.Seed);
        var featurizer = new CharNGramFeaturizer(settings.MinNGram, settings.MaxNGram, settings.FoldDiacritics, settings.WordWeight > 0);

        var counted = new (ulong[] Features, int[] Counts)[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken },
            () => new List<ulong>(), (i, _, scratch) => { counted[i] = Count(featurizer, texts[i], scratch); return scratch; }, _ => { });

        var documentFrequency = new Dictionary<ulong, int>();
        foreach ((ulong[] features, _) in counted)
            foreach (ulong feature in features)
                documentFrequency[feature] = documentFrequency.GetValueOrDefault(feature) + 1;
        ulong[] vocabulary = documentFrequency
            .Where(pair => pair.Value >= settings.MinDocumentFrequency)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key)
            .Take(settings.MaxFeatures)
            .Select(pair => pair.Key)
            .Order()
            .ToArray();
        var idf = new float[vocabulary.Length];
        for (int j = 0; j < vocabulary.Length; j++)
            idf[j] = (float)(Math.Log((1.0 + texts.Count) / (1.0 + documentFrequency[vocabulary[j]])) + 1);

        cancellationToken.ThrowIfCancellationRequested();
        var untrained = new LocalEmbeddingModel(settings, vocabulary, idf, []);
        SparseMatrix matrix = untrained.Weigh(counted);
        cancellationToken.ThrowIfCancellationRequested();
        float[] projection = RandomizedSvd.RightSingularVectors(matrix, settings.Dimensions, settings.PowerIterations, settings.Seed);
        // The projection is stored in half precision (half the size, no measurable loss); rounding it
        // here makes a trained model and the same model loaded back give identical vectors.
        var half = new Half[projection.Length];
        TensorPrimitives.ConvertToHalf(projection, half);
        TensorPrimitives.ConvertToSingle(half, projection);
        return new LocalEmbeddingModel(settings, vocabulary, idf, projection);
    }

    /// <summary>Embeds <paramref name="text"/> as an L2-normalised vector (all zeros when no feature is known).</summary>
    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        Embed(text, vector);
        return vector;
    }

    /// <summary>Embeds <paramref name="text"/> into <paramref name="destination"/> (length <see cref="Dimensions"/>).</summary>
    public void Embed(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (destination.Length != Dimensions)
            throw new ArgumentException($"Destination must have {Dimensions} elements.", nameof(destination));
        destination.Clear();
        // Embedding every passage of a big corpus is dominated by this: features are counted straight into their
        // vocabulary slots (no sort, nothing allocated), and weights are not normalised, since the vector is at the end.
        EmbeddingScratch scratch = t_scratch ??= new EmbeddingScratch();
        scratch.Reset(_features.Length);
        _featurizer.Collect(text, scratch.Features);
        foreach (ulong feature in scratch.Features)
            if (_vocabulary.TryGetValue(feature, out int index) && scratch.Counts[index]++ == 0)
                scratch.Known.Add(index);
        foreach (int index in scratch.Known)
            TensorPrimitives.MultiplyAdd(_projection.AsSpan(index * Dimensions, Dimensions), Weight(index, scratch.Counts[index]), destination, destination);
        float norm = TensorPrimitives.Norm(destination);
        if (norm > 0)
            TensorPrimitives.Divide(destination, norm, destination);
    }

    /// <summary>Writes the model (settings, vocabulary, idf, projection).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(FormatVersion);
        WriteBody(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a model of this format.</exception>
    public static LocalEmbeddingModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
                throw new InvalidDataException("This is not a PolicySearch local embedding model.");
            int version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"Local embedding model format {version} is not supported (expected {FormatVersion}); run `policysearch train`.");
            var settings = new LocalModelSettings
            {
                MinNGram = reader.ReadInt32(),
                MaxNGram = reader.ReadInt32(),
                Dimensions = reader.ReadInt32(),
                FoldDiacritics = reader.ReadBoolean(),
                WordWeight = reader.ReadSingle(),
                MinDocumentFrequency = reader.ReadInt32(),
                MaxFeatures = reader.ReadInt32(),
                PowerIterations = reader.ReadInt32(),
                Seed = reader.ReadInt32(),
            };
            Validate(settings);
            int count = reader.ReadInt32();
            var features = ReadArray<ulong>(reader, count);
            var idf = ReadArray<float>(reader, count);
            var projection = new float[checked(count * settings.Dimensions)];
            TensorPrimitives.ConvertToSingle(ReadArray<Half>(reader, projection.Length), projection);
            return new LocalEmbeddingModel(settings, features, idf, projection);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException("The local embedding model is truncated or corrupt; run `policysearch train`.", e);
        }
    }

    private void WriteBody(BinaryWriter writer)
    {
        writer.Write(_settings.MinNGram);
        writer.Write(_settings.MaxNGram);
        writer.Write(_settings.Dimensions);
        writer.Write(_settings.FoldDiacritics);
        writer.Write(_settings.WordWeight);
        writer.Write(_settings.MinDocumentFrequency);
        writer.Write(_settings.MaxFeatures);
        writer.Write(_settings.PowerIterations);
        writer.Write(_settings.Seed);
        writer.Write(_features.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_features.AsSpan()));
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_idf.AsSpan()));
        var half = new Half[_projection.Length];
        TensorPrimitives.ConvertToHalf(_projection, half);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(half.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader, int count) where T : unmanaged
    {
        var result = new T[count];
        Span<byte> bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return result;
    }

    private string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new MemoryStream())
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteBody(writer);
            writer.Flush();
            hash.AppendData(stream.GetBuffer(), 0, (int)stream.Length);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static (ulong[] Features, int[] Counts) Count(CharNGramFeaturizer featurizer, string text, List<ulong> scratch)
    {
        scratch.Clear();
        featurizer.Collect(text, scratch);
        scratch.Sort();
        var features = new List<ulong>();
        var counts = new List<int>();
        for (int i = 0; i < scratch.Count; i++)
        {
            if (i > 0 && scratch[i] == scratch[i - 1])
                counts[^1]++;
            else
            {
                features.Add(scratch[i]);
                counts.Add(1);
            }
        }
        return ([.. features], [.. counts]);
    }

    /// <summary>Sublinear TF × IDF (× word weight), L2-normalised, over the known features only.</summary>
    private (int[] Indices, float[] Weights) Weigh((ulong[] Features, int[] Counts) counted)
    {
        var indices = new List<int>(counted.Features.Length);
        var weights = new List<float>(counted.Features.Length);
        for (int i = 0; i < counted.Features.Length; i++)
        {
            ulong feature = counted.Features[i];
            if (!_vocabulary.TryGetValue(feature, out int index))
                continue;
            indices.Add(index);
            weights.Add(Weight(index, counted.Counts[i]));
        }
        float[] values = [.. weights];
        float norm = TensorPrimitives.Norm(values);
        if (norm > 0)
            TensorPrimitives.Divide(values, norm, values);
        return ([.. indices], values);
    }

    /// <summary>Sublinear TF × IDF (× word weight) of a feature seen <paramref name="count"/> times.</summary>
    private float Weight(int index, int count)
    {
        float weight = (1 + MathF.Log(count)) * _idf[index];
        return (_features[index] & CharNGramFeaturizer.WordBit) != 0 ? weight * _settings.WordWeight : weight;
    }

    /// <summary>
    /// The training matrix. It is sized for every counted feature (an upper bound: features outside the vocabulary
    /// are dropped), so each passage's row goes straight in and its counts are released as soon as it is weighed.
    /// </summary>
    private SparseMatrix Weigh((ulong[] Features, int[] Counts)[] counted)
    {
        int capacity = checked((int)counted.Sum(c => (long)c.Features.Length));
        var rowStart = new int[counted.Length + 1];
        var columns = new int[capacity];
        var values = new float[capacity];
        for (int i = 0; i < counted.Length; i++)
        {
            (int[] indices, float[] weights) = Weigh(counted[i]);
            counted[i] = default;
            indices.CopyTo(columns, rowStart[i]);
            weights.CopyTo(values, rowStart[i]);
            rowStart[i + 1] = rowStart[i] + indices.Length;
        }
        return new SparseMatrix(counted.Length, _features.Length, rowStart, columns, values);
    }

    private static void Validate(LocalModelSettings settings)
    {
        if (settings.MinNGram < 1 || settings.MaxNGram < settings.MinNGram || settings.MaxNGram > 16)
            throw new ArgumentException($"N-gram range {settings.MinNGram}..{settings.MaxNGram} is invalid.", nameof(settings));
        if (settings.Dimensions is < 1 or > 4096)
            throw new ArgumentException($"Dimensions {settings.Dimensions} must be between 1 and 4096.", nameof(settings));
        if (settings.MinDocumentFrequency < 1 || settings.MaxFeatures < 1 || settings.MaxTrainingPassages < 1 || settings.PowerIterations < 0 || settings.WordWeight < 0)
            throw new ArgumentException("Local model settings are out of range.", nameof(settings));
    }

    /// <summary>One thread's buffers for <see cref="Embed(string, Span{float})"/>: features, counts per vocabulary slot, slots used.</summary>
    private sealed class EmbeddingScratch
    {
        public List<ulong> Features { get; } = [];
        public int[] Counts { get; private set; } = [];
        public List<int> Known { get; } = [];

        /// <summary>Clears what the last call left (also after an exception) and fits the counts to a vocabulary.</summary>
        public void Reset(int vocabularySize)
        {
            foreach (int index in Known)
                Counts[index] = 0;
            Known.Clear();
            Features.Clear();
            if (Counts.Length < vocabularySize)
                Counts = new int[vocabularySize];
        }
    }
}
