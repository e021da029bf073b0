namespace Hctr.Policy.Diagnostics;

/// <summary>A position in a profile source: file name, 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>No position (rules built in code rather than read from a file).</summary>
    public static SourceLocation None => new("", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
