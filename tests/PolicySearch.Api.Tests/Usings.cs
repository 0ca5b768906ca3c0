namespace PolicySearch.Api.Tests;
