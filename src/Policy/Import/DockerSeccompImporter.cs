using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Loading;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>
/// Docker/moby seccomp JSON (or a plain OCI <c>linux.seccomp</c> object) → an hctr profile in YAML, with the
/// same decisions for the capability set, architecture and kernel in <see cref="ImportOptions"/>. Pure: text in,
/// text and diagnostics out. See docs/import.md for the resolution and ordering rules.
/// </summary>
public static partial class DockerSeccompImporter
{
    public static ImportResult Import(string json, string sourceName, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        var d = new DiagnosticBag();
        var at = new SourceLocation(sourceName, 0, 0);
        var caps = Capabilities(options, at, d);
        var name = options.Name ?? DeriveName(sourceName);
        if (!NamePattern().IsMatch(name))
        {
            d.Error(DiagnosticCodes.ImportInvalid, at, $"'{name}' is not a valid profile name", "metadata.name",
                "use lower case letters, digits, '.' and '-' (at most 63), e.g. --name my-profile");
        }

        var doc = DockerProfileParser.Parse(json, sourceName, d);
        if (doc is null || d.HasErrors)
        {
            return new ImportResult(null, d.ToImmutable());
        }

        if (!DockerActions.TryMap(doc.DefaultAction, doc.DefaultErrnoRet, out var defaultAction, out var error))
        {
            d.Error(DiagnosticCodes.ImportUnsupported, at, "defaultAction: " + error, "$.defaultAction");
            return new ImportResult(null, d.ToImmutable());
        }

        if (!doc.Flags.IsEmpty)
        {
            d.Warning(DiagnosticCodes.ImportUnsupported, at, $"filter flags {string.Join(", ", doc.Flags)} are not carried over; hctr chooses its own flags",
                "$.flags");
        }

        var arches = Architectures(doc, options.Arch, at, d);
        var filter = new DockerEntryFilter(caps.Select(c => CapabilityNames.Name(c)).ToHashSet(StringComparer.Ordinal), options.Arch,
            options.Kernel, sourceName, d);
        var applicable = doc.Syscalls.Where(filter.Applies).ToList();
        var rules = new ImportRulePlanner(defaultAction, sourceName, d).Plan(applicable);
        if (d.HasErrors)
        {
            return new ImportResult(null, d.ToImmutable());
        }

        var yaml = ImportedProfileText.Write(new ImportedProfileText.Input(name, Path.GetFileName(sourceName), options, caps, defaultAction, arches, rules,
            doc.Syscalls.Length - applicable.Count));
        return SelfCheck(yaml, name, at, d);
    }

    /// <summary>
    /// Fails closed: the generated text is loaded like any profile, and an import whose output hctr would
    /// refuse is reported as an error instead of being written.
    /// </summary>
    private static ImportResult SelfCheck(string yaml, string name, SourceLocation at, DiagnosticBag d)
    {
        var file = name + ".yaml";
        var loaded = ProfileLoader.Load(file, new GeneratedProfileSource(file, yaml));
        foreach (var e in loaded.Errors)
        {
            d.Error(DiagnosticCodes.ImportUnsupported, at, "the generated profile does not validate: " + e.Render(), null,
                "this is a bug in the importer; please report it with the input file");
        }

        return new ImportResult(d.HasErrors ? null : yaml, d.ToImmutable());
    }

    private static ImmutableArray<Capability> Capabilities(ImportOptions options, SourceLocation at, DiagnosticBag d)
    {
        var list = ImmutableArray.CreateBuilder<Capability>();
        foreach (var text in options.Capabilities)
        {
            if (CapabilityNames.TryParse(text, out var cap))
            {
                if (!list.Contains(cap))
                {
                    list.Add(cap);
                }
            }
            else
            {
                var s = CapabilityNames.Suggest(text);
                d.Error(DiagnosticCodes.UnknownCapability, at, $"unknown capability '{text}' in --caps", "--caps",
                    s is null ? "see capabilities(7)" : $"did you mean '{s}'?");
            }
        }

        return list.ToImmutable();
    }

    /// <summary>
    /// moby: an explicit <c>architectures</c> list is used as is; with <c>archMap</c>, the native arch and its
    /// sub-architectures; with neither, libseccomp's native arch alone. ABIs hctr has no table for are left
    /// out, which makes the filter kill them (stricter, and reported).
    /// </summary>
    private static ImmutableArray<SeccompArch> Architectures(DockerProfile doc, SeccompArch native, SourceLocation at, DiagnosticBag d)
    {
        IEnumerable<string> names = doc.Architectures;
        if (!doc.ArchMap.IsEmpty)
        {
            var main = DockerArchitectures.ScmpName(native);
            names = doc.ArchMap.Where(m => m.Arch == main).Take(1).SelectMany(m => m.SubArches.Prepend(m.Arch));
        }

        var list = new List<SeccompArch>();
        var unsupported = new List<string>();
        foreach (var n in names)
        {
            if (DockerArchitectures.TryParseScmp(n, out var a))
            {
                if (!list.Contains(a))
                {
                    list.Add(a);
                }
            }
            else
            {
                unsupported.Add(n);
            }
        }

        if (unsupported.Count > 0)
        {
            d.Warning(DiagnosticCodes.ImportUnsupported, at, $"hctr has no syscall table for {string.Join(", ", unsupported)}; the filter kills those ABIs",
                "$.architectures");
        }

        return list.Count == 0 ? [native] : [.. list];
    }

    private static string DeriveName(string sourceName)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(sourceName)).ToLowerInvariant();
        if (stem.EndsWith(".oci", StringComparison.Ordinal))
        {
            stem = stem[..^4];
        }

        var chars = stem.Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' ? c : '-').ToArray();
        var name = new string(chars).Trim('-', '.');
        name = name.Length > 63 ? name[..63].TrimEnd('-', '.') : name;
        return name.Length == 0 ? "imported" : name;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
