namespace PolicySearch.Ingestion.Tests;
