namespace PolicySearch.Search.Tests;
