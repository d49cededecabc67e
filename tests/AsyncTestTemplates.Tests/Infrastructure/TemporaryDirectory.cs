namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp path, outside this repository (so no global.json or Directory.Build.props of ours applies), deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix) =>
        Path = Directory.CreateTempSubdirectory($"att-{prefix}-").FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process we started may still hold a file; the OS cleans temp folders eventually.
        }
    }
}
