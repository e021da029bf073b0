using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hctr.Policy.Model;

namespace Hctr.Policy.Compile;

/// <summary>
/// For profiles built in memory (tests, tools), which have no source texts: loaded profiles carry their chain's
/// content digest (<see cref="Loading.ProfileLoader.ChainDigest"/>) and plans use that one.
/// "sha256:" + hex of a canonical text of the effective profile: every semantic field and every origin, in
/// declaration order. The front end does not hand the compiler the source bytes, so this digests what they
/// mean after extends and defaults; two profiles that compile alike from the same lines digest alike.
/// </summary>
internal static class ProfileDigest
{
    public static string Compute(SecurityProfile p)
    {
        var sb = new StringBuilder();
        void F(string key, object? value) => sb.Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        F("name", p.Name);
        F("origin", p.Origin);
        foreach (var s in p.Sources) F("source", s);
        foreach (var c in p.Capabilities.Add) F("cap", c);
        F("nnp", p.NoNewPrivileges);
        var u = p.UserNamespace;
        F("userns", $"{u.Mode} {u.Size} {u.AllowHostRootUnsafe}");
        foreach (var m in u.UidMappings) F("uidmap", m);
        foreach (var m in u.GidMappings) F("gidmap", m);
        var sc = p.Seccomp;
        F("seccomp", $"{sc.DefaultAction} {sc.UnknownAction}");
        foreach (var a in sc.Architectures) F("arch", a);
        foreach (var r in sc.Rules)
        {
            F("rule", $"{r.Action} {r.Origin} {string.Join(',', r.Syscalls)} | {string.Join(',', r.Expanded)} | {string.Join(';', r.Args)}");
        }

        var fs = p.Filesystem;
        F("fs", $"{fs.ReadOnlyRootfs} {fs.AllowSetuid}");
        foreach (var m in fs.MaskedPaths) F("masked", m);
        foreach (var m in fs.ReadOnlyPaths) F("ro", m);
        foreach (var t in fs.Tmpfs) F("tmpfs", $"{t.Path} {t.SizeBytes} {t.Mode} {string.Join(',', t.Options)} {t.Origin}");
        foreach (var v in fs.Volumes) F("volume", $"{v.Target} {string.Join(',', v.Modes)} {v.Origin}");
        foreach (var a in fs.Access) F("access", a);
        foreach (var m in p.Network.Modes) F("netmode", m);
        foreach (var r in p.Network.TcpBind) F("bind", $"{r} {r.Origin}");
        foreach (var r in p.Network.TcpConnect) F("connect", $"{r} {r.Origin}");
        F("resources", $"{p.Resources.MemoryBytes} {p.Resources.PidsMax} {p.Resources.Cpu}");
        foreach (var r in p.Rlimits) F("rlimit", r);
        foreach (var s in p.Sysctls) F("sysctl", s);
        foreach (var d in p.Devices) F("device", d);
        foreach (var r in p.AppArmorRules) F("apparmor", r);
        foreach (var w in p.Widen) F("widen", w);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
