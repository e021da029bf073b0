using System.Collections.Immutable;

namespace Hctr.Policy.Diagnostics;

/// <summary>Collects diagnostics; never throws. Errors and warnings are kept apart on read.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors => _items.Exists(d => d.IsError);

    public int Count => _items.Count;

    public void Add(Diagnostic d) => _items.Add(d);

    public void AddRange(IEnumerable<Diagnostic> ds) => _items.AddRange(ds);

    public void Error(string code, SourceLocation at, string message, string? path = null, string? hint = null) =>
        _items.Add(new Diagnostic(Severity.Error, code, message, at, path, hint));

    public void Warning(string code, SourceLocation at, string message, string? path = null, string? hint = null) =>
        _items.Add(new Diagnostic(Severity.Warning, code, message, at, path, hint));

    /// <summary>Sorted by file, line, column, then code, so output is stable.</summary>
    public ImmutableArray<Diagnostic> ToImmutable() =>
        [.. _items.OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)];
}
