using System.Collections.Immutable;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>Lays out the imported profile: a header saying how it was resolved, then metadata and spec.</summary>
internal static class ImportedProfileText
{
    public sealed record Input(
        string Name,
        string SourceFile,
        ImportOptions Options,
        ImmutableArray<Capability> Capabilities,
        SeccompAction DefaultAction,
        ImmutableArray<SeccompArch> Architectures,
        ImmutableArray<ImportedRule> Rules,
        int SkippedEntries);

    public static string Write(Input i)
    {
        var arch = SeccompArchNames.ToName(i.Options.Arch);
        var kernel = i.Options.Kernel.ToString(2);
        var capNames = i.Capabilities.Select(c => CapabilityNames.Name(c)["CAP_".Length..]).ToList();
        var w = new ProfileYamlWriter();
        w.Comment($"Imported from {i.SourceFile} by `hctr profile import --from docker-seccomp`.");
        w.Comment($"Resolved for native arch {arch}, kernel {kernel} and capabilities " +
            (capNames.Count == 0 ? "(none)" : string.Join(", ", capNames)) + ";");
        w.Comment($"{i.SkippedEntries} syscalls entries did not apply to that and are left out. Sections other than");
        w.Comment("capabilities and seccomp keep hctr's strict defaults (user namespace, no network, limits).");
        w.Scalar(0, "apiVersion", "hctr.dev/v1");
        w.Scalar(0, "kind", "SecurityProfile");
        w.Key(0, "metadata");
        w.Scalar(2, "name", i.Name);
        w.Text(2, "description", $"Imported from {i.SourceFile} (Docker seccomp) for {arch}, kernel {kernel}.");
        w.Key(0, "spec");
        w.Key(2, "capabilities");
        w.FlowList(4, "add", capNames);
        w.Key(2, "seccomp");
        w.Scalar(4, "defaultAction", i.DefaultAction.ToString());
        w.Scalar(4, "unknownAction", "errno(ENOSYS)");
        w.FlowList(4, "architectures", i.Architectures.Select(SeccompArchNames.ToName));
        if (i.Rules.IsEmpty)
        {
            w.Line(4, "rules: []");
            return w.ToString();
        }

        w.Key(4, "rules");
        foreach (var r in i.Rules)
        {
            w.FlowList(6, "syscalls", r.Syscalls, prefix: "- ");
            w.Scalar(8, "action", r.Action.ToString());
            if (r.IsConditional)
            {
                w.Args(8, r.Args);
            }

            w.Text(8, "comment", r.Comment);
        }

        return w.ToString();
    }
}
