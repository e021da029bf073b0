using System.Collections.Immutable;
using System.Text.Json;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Import;

/// <summary>
/// Reads Docker/OCI seccomp JSON with <see cref="JsonDocument"/> (no reflection, AOT-safe). Syntax errors are
/// located at <c>file:line:col</c>; shape errors name the JSON path. A full OCI config is accepted too: its
/// <c>linux.seccomp</c> object is used. Unknown fields are reported as warnings, never dropped silently.
/// </summary>
internal static class DockerProfileParser
{
    private static readonly string[] TopFields =
        ["defaultAction", "defaultErrnoRet", "architectures", "archMap", "syscalls", "flags", "listenerPath", "listenerMetadata"];

    private static readonly string[] EntryFields = ["names", "name", "action", "errnoRet", "args", "comment", "includes", "excludes"];

    public static DockerProfile? Parse(string json, string source, DiagnosticBag d)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            var at = new SourceLocation(source, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            d.Error(DiagnosticCodes.ImportInvalid, at, "malformed JSON: " + FirstSentence(ex.Message), null, "fix the JSON syntax at this position");
            return null;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("linux", out var linux)
                && linux.ValueKind == JsonValueKind.Object && linux.TryGetProperty("seccomp", out var inner))
            {
                root = inner;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                d.Error(DiagnosticCodes.ImportInvalid, new SourceLocation(source, 0, 0), "the document must be a JSON object with defaultAction and syscalls", "$");
                return null;
            }

            return new Reader(source, d).Profile(root);
        }
    }

    /// <summary>The reader's message without the position and path it appends (the location already says where).</summary>
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd(' ', ',', '.', '|');
    }

    private sealed class Reader(string source, DiagnosticBag d)
    {
        private SourceLocation At => new(source, 0, 0);

        public DockerProfile? Profile(JsonElement root)
        {
            WarnUnknown(root, TopFields, "$");
            var action = String(root, "defaultAction", "$");
            if (action is null)
            {
                d.Error(DiagnosticCodes.ImportInvalid, At, "defaultAction is required", "$.defaultAction");
            }

            if (root.TryGetProperty("architectures", out _) && root.TryGetProperty("archMap", out _))
            {
                d.Error(DiagnosticCodes.ImportInvalid, At, "'architectures' and 'archMap' cannot both be set (moby refuses this too)", "$",
                    "keep one of them");
            }

            var archMap = ImmutableArray.CreateBuilder<(string, ImmutableArray<string>)>();
            foreach (var (m, i) in Array(root, "archMap", "$"))
            {
                var path = $"$.archMap[{i}]";
                if (String(m, "architecture", path) is { } main)
                {
                    archMap.Add((main, Strings(m, "subArchitectures", path)));
                }
            }

            var entries = ImmutableArray.CreateBuilder<DockerSyscallEntry>();
            foreach (var (e, i) in Array(root, "syscalls", "$"))
            {
                if (Entry(e, i) is { } entry)
                {
                    entries.Add(entry);
                }
            }

            return action is null ? null : new DockerProfile(action, U32(root, "defaultErrnoRet", "$"), Strings(root, "architectures", "$"),
                archMap.ToImmutable(), entries.ToImmutable(), Strings(root, "flags", "$"));
        }

        private DockerSyscallEntry? Entry(JsonElement e, int index)
        {
            var path = $"$.syscalls[{index}]";
            if (e.ValueKind != JsonValueKind.Object)
            {
                d.Error(DiagnosticCodes.ImportInvalid, At, "a syscalls entry must be an object", path);
                return null;
            }

            WarnUnknown(e, EntryFields, path);
            var names = Strings(e, "names", path);
            if (String(e, "name", path) is { } single)
            {
                if (!names.IsEmpty)
                {
                    d.Error(DiagnosticCodes.ImportInvalid, At, "'name' and 'names' cannot both be set", path, "use names");
                }

                names = [single];
            }

            var action = String(e, "action", path);
            if (action is null)
            {
                d.Error(DiagnosticCodes.ImportInvalid, At, "action is required", path + ".action");
                return null;
            }

            var args = ImmutableArray.CreateBuilder<DockerArg>();
            foreach (var (a, i) in Array(e, "args", path))
            {
                var ap = $"{path}.args[{i}]";
                var argIndex = U32(a, "index", ap) ?? 0;
                if (argIndex > 5)
                {
                    d.Error(DiagnosticCodes.ImportInvalid, At, $"argument index {argIndex} is out of range 0..5", ap + ".index");
                }

                args.Add(new DockerArg((int)Math.Min(argIndex, 5), U64(a, "value", ap) ?? 0, U64(a, "valueTwo", ap) ?? 0,
                    String(a, "op", ap) ?? ""));
            }

            return new DockerSyscallEntry(index, names, action, U32(e, "errnoRet", path), args.ToImmutable(), String(e, "comment", path),
                Filter(e, "includes", path), Filter(e, "excludes", path));
        }

        private DockerFilter? Filter(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var f) || f.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var p = $"{path}.{name}";
            if (f.ValueKind != JsonValueKind.Object)
            {
                d.Error(DiagnosticCodes.ImportInvalid, At, $"{name} must be an object", p);
                return null;
            }

            WarnUnknown(f, ["caps", "arches", "minKernel"], p);
            var filter = new DockerFilter(Strings(f, "caps", p), Strings(f, "arches", p), String(f, "minKernel", p));
            return filter.IsEmpty ? null : filter;
        }

        private void WarnUnknown(JsonElement o, string[] known, string path)
        {
            foreach (var p in o.EnumerateObject())
            {
                if (System.Array.IndexOf(known, p.Name) < 0)
                {
                    d.Warning(DiagnosticCodes.ImportUnsupported, At, $"field '{p.Name}' is not understood and is ignored", $"{path}.{p.Name}");
                }
            }
        }

        private IEnumerable<(JsonElement, int)> Array(JsonElement o, string name, string path)
        {
            if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (v.ValueKind != JsonValueKind.Array)
            {
                d.Error(DiagnosticCodes.ImportInvalid, At, $"{name} must be an array", $"{path}.{name}");
                return [];
            }

            return v.EnumerateArray().Select((x, i) => (x, i)).ToList();
        }

        private string? String(JsonElement o, string name, string path)
        {
            if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString();
            }

            d.Error(DiagnosticCodes.ImportInvalid, At, $"{name} must be a string", $"{path}.{name}");
            return null;
        }

        private ImmutableArray<string> Strings(JsonElement o, string name, string path)
        {
            var list = ImmutableArray.CreateBuilder<string>();
            foreach (var (v, i) in Array(o, name, path))
            {
                if (v.ValueKind == JsonValueKind.String)
                {
                    list.Add(v.GetString()!);
                }
                else
                {
                    d.Error(DiagnosticCodes.ImportInvalid, At, $"{name} must hold strings", $"{path}.{name}[{i}]");
                }
            }

            return list.ToImmutable();
        }

        private ulong? U64(JsonElement o, string name, string path)
        {
            if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out var n))
            {
                return n;
            }

            d.Error(DiagnosticCodes.ImportInvalid, At, $"{name} must be an unsigned 64-bit integer", $"{path}.{name}");
            return null;
        }

        private uint? U32(JsonElement o, string name, string path) => U64(o, name, path) switch
        {
            null => null,
            <= uint.MaxValue and var n => (uint)n,
            _ => Fail(name, path),
        };

        private uint? Fail(string name, string path)
        {
            d.Error(DiagnosticCodes.ImportInvalid, At, $"{name} is out of range", $"{path}.{name}");
            return null;
        }
    }
}
