namespace AsyncTestTemplates.Tests.Infrastructure;

/// <summary>A fresh folder in the <see cref="TestRunFolder"/> (outside this repository, with the run's package source), deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix) =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(TestRunFolder.Root, $"{prefix}-{System.IO.Path.GetRandomFileName()}")).FullName;

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
