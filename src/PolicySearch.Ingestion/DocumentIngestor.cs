using System.Security.Cryptography;

namespace PolicySearch.Ingestion;

/// <summary>
/// Turns a file into a <see cref="Document"/>.
/// PLACEHOLDER: reads UTF-8 text and cuts passages at blank lines; replaced by the real readers,
/// clean-up, passage builder, metadata and speaker attribution.
/// </summary>
public sealed class DocumentIngestor
{
    /// <summary>Reads and ingests the file at <paramref name="path"/>.</summary>
    /// <exception cref="IngestionException">The file cannot be read as a document.</exception>
    public async Task<Document> IngestAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Ingest(path, bytes);
    }

    /// <summary>Ingests a document whose bytes are already in memory; <paramref name="name"/> decides the format by extension.</summary>
    public Document Ingest(string name, byte[] bytes)
    {
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        var passages = new List<Passage>();
        int offset = 0;
        foreach (string block in text.Split("\n\n"))
        {
            if (block.Trim().Length > 0)
                passages.Add(new Passage(passages.Count, block.Trim(), offset, offset + block.Length, null, null, new Speaker("Okänd", SpeakerKind.Nämnd)));
            offset += block.Length + 2;
        }
        return new Document(name, Convert.ToHexString(SHA256.HashData(bytes)), text,
            new DocumentMetadata { Title = Path.GetFileNameWithoutExtension(name) }, passages);
    }
}
