namespace Hctr.Policy.Diagnostics;

/// <summary>A place in a source file: 1-based line and column, as YamlDotNet's marks report them.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None => new("", 0, 0);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsNone => Line == 0;

    public override string ToString() => $"{File}:{Line}:{Column}";
}
