using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>A <c># hctr-lint: disable=ID[,ID...] reason: text</c> comment; <see cref="Reason"/> is empty when none was given.</summary>
public sealed record Suppression(ImmutableArray<string> RuleIds, string Reason, SourceLocation Location)
{
    public const string Marker = "hctr-lint:";

    /// <summary>Finds suppression comments in raw profile text (YAML comments are not part of the model).</summary>
    public static ImmutableArray<Suppression> Parse(string file, string text)
    {
        var found = ImmutableArray.CreateBuilder<Suppression>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var hash = lines[i].IndexOf('#');
            var at = hash < 0 ? -1 : lines[i].IndexOf(Marker, hash, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rest = lines[i][(at + Marker.Length)..].Trim();
            if (!rest.StartsWith("disable=", StringComparison.Ordinal))
            {
                found.Add(new Suppression([], "", new SourceLocation(file, i + 1, at + 1)));
                continue;
            }

            rest = rest["disable=".Length..];
            var reasonAt = rest.IndexOf("reason:", StringComparison.Ordinal);
            var ids = (reasonAt < 0 ? rest : rest[..reasonAt]).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var reason = reasonAt < 0 ? "" : rest[(reasonAt + "reason:".Length)..].Trim();
            found.Add(new Suppression([.. ids], reason, new SourceLocation(file, i + 1, hash + 1)));
        }

        return found.ToImmutable();
    }
}
