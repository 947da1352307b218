namespace O2C.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted (with its contents) on dispose.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string prefix = "o2c-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
