namespace Hctr.Policy.Diagnostics;

/// <summary>
/// One problem in user input, rendered like a compiler message:
/// <c>file:line:col: error HCTR1203: message (hint)</c>. Tests assert <see cref="Code"/>, not wording.
/// </summary>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string Message,
    SourceLocation Location,
    string? FieldPath = null,
    string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    public string Render()
    {
        var where = Location.IsNone ? Location.File : Location.ToString();
        var sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        var hint = Hint is null ? "" : $" ({Hint})";
        var prefix = string.IsNullOrEmpty(where) ? "" : where + ": ";
        return $"{prefix}{sev} {Code}: {Message}{hint}";
    }

    public override string ToString() => Render();
}
