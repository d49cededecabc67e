using System.Diagnostics.CodeAnalysis;
using Xunit;

namespace AsyncTestsNamespace;

/// <summary>
/// The test collection that shares one <see cref="AsyncFixtureType"/>. Mark each test class that uses it
/// with <c>[Collection(nameof(AsyncFixtureTypeCollection))]</c> and take the fixture in its constructor.
/// </summary>
/// <remarks>
/// xunit finds collection definitions only in the test assembly itself, so this class stays here.
/// </remarks>
[CollectionDefinition(nameof(AsyncFixtureTypeCollection))]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after the xunit collection it defines.")]
public sealed class AsyncFixtureTypeCollection : ICollectionFixture<AsyncFixtureType>;
