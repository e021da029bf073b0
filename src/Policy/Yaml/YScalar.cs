using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Yaml;

/// <summary>A scalar; <see cref="Quoted"/> scalars are always strings, plain ones follow the YAML 1.2 core schema.</summary>
public sealed record YScalar(string Value, bool Quoted, SourceLocation Location) : YNode(Location)
{
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";
}
