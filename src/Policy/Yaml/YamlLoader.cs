using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hctr.Policy.Yaml;

/// <summary>
/// Reads one YAML document into a located <see cref="YNode"/> tree. Never throws on bad input:
/// syntax errors, duplicate keys, anchors/aliases, explicit tags, non-scalar keys and extra documents
/// become diagnostics. A profile is data a security team reviews, so YAML's reuse features are refused.
/// </summary>
public static class YamlLoader
{
    private const int MaxDepth = 64;

    public static YNode? Load(string text, string source, DiagnosticBag diagnostics)
    {
        var reader = new Reader(source, diagnostics);
        try
        {
            var parser = new GuardedParser(new Parser(new StringReader(text)));
            return reader.ReadStream(parser);
        }
        catch (YamlException ex)
        {
            var at = new SourceLocation(source, (int)ex.Start.Line, (int)ex.Start.Column);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, at, "YAML syntax error: " + Clean(ex.Message),
                hint: "check indentation, colons and quoting near this line");
            return null;
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: l, Col: c, Idx: i) - (Line..): ": the location is ours to render.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }

    private sealed class Reader(string source, DiagnosticBag diagnostics)
    {
        private SourceLocation At(Mark m) => new(source, (int)m.Line, (int)m.Column);

        public YNode? ReadStream(IParser parser)
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out var end))
            {
                diagnostics.Error(DiagnosticCodes.YamlEmpty, At(end.Start), "the file is empty",
                    hint: "a profile starts with 'apiVersion: hctr.dev/v1'");
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, 0);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart extra)
            {
                diagnostics.Error(DiagnosticCodes.YamlMultipleDocuments, At(extra.Start),
                    "a profile file holds exactly one YAML document", hint: "remove the '---' and what follows, or split the file");
            }

            return root;
        }

        private YNode ReadNode(IParser parser, int depth)
        {
            var ev = parser.Current ?? throw new YamlException("unexpected end of input");
            if (depth > MaxDepth)
            {
                throw new YamlException(ev.Start, ev.End, $"nesting deeper than {MaxDepth} levels");
            }

            if (ev is AnchorAlias alias)
            {
                parser.MoveNext();
                diagnostics.Error(DiagnosticCodes.YamlAnchor, At(alias.Start), $"alias '*{alias.Value}' is not allowed in a profile",
                    hint: "write the value out; use 'extends:' or seccomp 'groups:' to share rules");
                return new YScalar("", false, At(alias.Start));
            }

            if (ev is NodeEvent node)
            {
                CheckNodeProperties(node);
            }

            switch (ev)
            {
                case Scalar s:
                    parser.MoveNext();
                    return new YScalar(s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                        or ScalarStyle.Literal or ScalarStyle.Folded, At(s.Start));
                case SequenceStart ss:
                    parser.MoveNext();
                    var items = ImmutableArray.CreateBuilder<YNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(parser, depth + 1));
                    }

                    return new YSequence(items.ToImmutable(), At(ss.Start));
                case MappingStart ms:
                    parser.MoveNext();
                    return ReadMapping(parser, ms, depth);
                default:
                    throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
            }
        }

        private YMapping ReadMapping(IParser parser, MappingStart start, int depth)
        {
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<YScalar, YNode>>();
            var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, depth + 1);
                var value = ReadNode(parser, depth + 1);
                if (keyNode is not YScalar key)
                {
                    diagnostics.Error(DiagnosticCodes.YamlComplexKey, keyNode.Location, "mapping keys must be plain strings");
                    continue;
                }

                if (key.Value == "<<" && !key.Quoted)
                {
                    diagnostics.Error(DiagnosticCodes.YamlAnchor, key.Location, "merge keys ('<<') are not allowed in a profile",
                        hint: "use 'extends:' to build on another profile");
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    diagnostics.Error(DiagnosticCodes.YamlDuplicateKey, key.Location,
                        $"duplicate key '{key.Value}' (first defined at line {first.Location.Line})",
                        hint: "YAML would silently keep only one of them; remove or merge the duplicates");
                    continue;
                }

                seen[key.Value] = key;
                entries.Add(new(key, value));
            }

            return new YMapping(entries.ToImmutable(), At(start.Start));
        }

        private void CheckNodeProperties(NodeEvent node)
        {
            if (!node.Anchor.IsEmpty)
            {
                diagnostics.Error(DiagnosticCodes.YamlAnchor, At(node.Start), $"anchor '&{node.Anchor.Value}' is not allowed in a profile",
                    hint: "write the value out; use 'extends:' or seccomp 'groups:' to share rules");
            }

            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
            {
                diagnostics.Error(DiagnosticCodes.YamlTag, At(node.Start), $"tag '{node.Tag.Value}' is not allowed in a profile",
                    hint: "remove the tag; quote the value if you meant a string");
            }
        }
    }
}
