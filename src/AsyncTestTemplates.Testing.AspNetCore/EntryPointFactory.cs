using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace AsyncTestTemplates.Testing;

/// <summary>What <see cref="WebAppFixture"/> needs of a <see cref="WebApplicationFactory{TEntryPoint}"/> whose type argument it knows only at run time.</summary>
internal interface IEntryPointFactory : IAsyncDisposable
{
    TestServer Server { get; }
}

[SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes",
    Justification = "Created by reflection in WebAppFixture.StartEntryPointAsync: its type argument is known only when the tests run.")]
internal sealed class EntryPointFactory<TEntryPoint>(Action<IWebHostBuilder> configure) : WebApplicationFactory<TEntryPoint>, IEntryPointFactory
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
}
