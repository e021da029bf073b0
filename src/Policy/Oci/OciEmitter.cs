using System.Buffers;
using System.Text;
using System.Text.Json;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Oci;

/// <summary>
/// The OCI runtime-spec fragment for a profile and its compiled plan, so runc and crun can enforce it:
/// process (user, capabilities, noNewPrivileges, rlimits, apparmorProfile), root.readonly, mounts and linux
/// (uid/gid mappings, namespaces, devices, resources, sysctl, seccomp, masked and read-only paths).
/// Keys are written in a fixed order with "\n" line ends: same inputs, same bytes. Where OCI cannot carry a
/// rule exactly the result is HCTR1603 and no JSON, never a weaker fragment (see docs/plan.md).
/// apparmorProfile names the profile from <c>--emit apparmor</c>, which must be loaded on the host first;
/// runc fails the start when it is not, so the reference is exact and fails closed.
/// </summary>
public static class OciEmitter
{
    public const string OciVersion = "1.2.0";

    public static OciEmitResult Emit(SecurityProfile profile, LaunchPlan plan) => Emit(profile, plan, OciEmitOptions.None);

    public static OciEmitResult Emit(SecurityProfile profile, LaunchPlan plan, OciEmitOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(plan);
        var d = new DiagnosticBag();
        OciLossCheck.Run(profile, plan, options, d);
        var seccomp = OciSeccomp.Translate(profile.Seccomp, d);
        OciMounts.Check(plan.Mounts, d);
        if (d.HasErrors)
        {
            return new OciEmitResult(null, d.ToImmutable());
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("ociVersion", OciVersion);
            WriteProcess(w, plan);
            w.WriteStartObject("root");
            w.WriteBoolean("readonly", plan.Rootfs.ReadOnly);
            w.WriteEndObject();
            OciMounts.Write(w, plan.Mounts);
            w.WriteStartObject("linux");
            WriteIdMaps(w, "uidMappings", plan.IdMaps.Uid);
            WriteIdMaps(w, "gidMappings", plan.IdMaps.Gid);
            WriteNamespaces(w, plan.Namespaces);
            OciResources.WriteDevices(w, profile);
            OciResources.Write(w, profile);
            w.WriteStartObject("sysctl");
            foreach (var s in plan.Sysctls)
            {
                w.WriteString(s.Key, s.Value);
            }

            w.WriteEndObject();
            OciSeccomp.Write(w, profile.Seccomp, plan.Seccomp, seccomp);
            WritePaths(w, "maskedPaths", plan.MaskedPaths);
            WritePaths(w, "readonlyPaths", plan.ReadOnlyPaths);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return new OciEmitResult(Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n", d.ToImmutable());
    }

    private static void WriteProcess(Utf8JsonWriter w, LaunchPlan plan)
    {
        w.WriteStartObject("process");
        w.WriteStartObject("user");
        w.WriteNumber("uid", plan.Process.Uid);
        w.WriteNumber("gid", plan.Process.Gid);
        if (plan.Process.AdditionalGids.Count > 0)
        {
            w.WriteStartArray("additionalGids");
            foreach (var g in plan.Process.AdditionalGids)
            {
                w.WriteNumberValue(g);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        var c = plan.Capabilities;
        w.WriteStartObject("capabilities");
        WriteCaps(w, "bounding", c.Bounding);
        WriteCaps(w, "effective", c.Effective);
        WriteCaps(w, "inheritable", c.Inheritable);
        WriteCaps(w, "permitted", c.Permitted);
        WriteCaps(w, "ambient", c.Ambient);
        w.WriteEndObject();
        w.WriteBoolean("noNewPrivileges", plan.NoNewPrivileges);
        w.WriteStartArray("rlimits");
        foreach (var r in plan.Rlimits)
        {
            w.WriteStartObject();
            w.WriteString("type", "RLIMIT_" + r.Name.ToUpperInvariant());
            w.WriteNumber("hard", r.Hard);
            w.WriteNumber("soft", r.Soft);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("apparmorProfile", plan.AppArmor.ProfileName);
        w.WriteEndObject();
    }

    private static void WriteCaps(Utf8JsonWriter w, string name, ulong mask)
    {
        w.WriteStartArray(name);
        foreach (var cap in Capabilities.CapabilityNames.All.Where(c => (mask & (1UL << (int)c)) != 0))
        {
            w.WriteStringValue(Capabilities.CapabilityNames.Name(cap));
        }

        w.WriteEndArray();
    }

    private static void WriteIdMaps(Utf8JsonWriter w, string name, IReadOnlyList<IdMapEntry> maps)
    {
        w.WriteStartArray(name);
        foreach (var m in maps)
        {
            w.WriteStartObject();
            w.WriteNumber("containerID", m.ContainerId);
            w.WriteNumber("hostID", m.HostId);
            w.WriteNumber("size", m.Size);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNamespaces(Utf8JsonWriter w, NamespacePlan ns)
    {
        w.WriteStartArray("namespaces");
        foreach (var n in ns.Namespaces)
        {
            w.WriteStartObject();
            w.WriteString("type", n == "net" ? "network" : n);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WritePaths(Utf8JsonWriter w, string name, IReadOnlyList<PathStep> paths)
    {
        w.WriteStartArray(name);
        foreach (var p in paths)
        {
            w.WriteStringValue(p.Path);
        }

        w.WriteEndArray();
    }
}
