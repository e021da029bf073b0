using Hctr.Policy.Loading;

namespace Hctr.Policy.Tests.Loading;

/// <summary>An in-memory file system for profiles; extends references resolve by bare name.</summary>
internal sealed class MemorySource(Dictionary<string, string> files) : IProfileSource
{
    public ProfileText Read(string reference, string? from) =>
        files.TryGetValue(reference, out var text) ? ProfileText.Found(reference, text) : ProfileText.Missing(reference, "no such file");

    public static ProfileLoadResult Load(string text, params (string Name, string Text)[] others)
    {
        var files = others.ToDictionary(o => o.Name, o => o.Text);
        files["test.yaml"] = text;
        return ProfileLoader.Load("test.yaml", new MemorySource(files));
    }

    public const string Header = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: t}\n";
}
