namespace PolicySearch.Embeddings.Tests;
