using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using NetworkMode = Hctr.Policy.Model.NetworkMode;

namespace Hctr.Policy.Plan;

/// <summary>
/// The plan's wire form: what <c>hctr run</c> writes into the memfd the init stage reads, and what the plan
/// cache stores. <see cref="PlanJson"/> stays the canonical, readable form (golden files, <c>--emit plan</c>,
/// <c>run --plan</c>); this one exists because every launch decodes a plan twice, once in each process, and
/// System.Text.Json spends most of that time building its per-type metadata at first use (measured with perf:
/// about 60% of the init stage's own work). It is written by hand rather than with a serializer package because
/// it is small (the plan is about twenty records), it keeps the init binary free of a serializer, and every
/// length is checked against the bytes actually present.
/// <para>
/// Layout: the magic <c>HCTRPLAN</c>, a version byte, then every field in declaration order. Integers are
/// little-endian and fixed-size; strings and lists carry an unsigned LEB128 length; a string is strict UTF-8.
/// Reading refuses (<see cref="InvalidDataException"/>) a wrong magic or version, a length past the end, an
/// enum value outside its range, invalid UTF-8 and trailing bytes: a plan is decoded whole or not at all.
/// </para>
/// </summary>
public static class PlanWire
{
    private const byte Version = 1;

    private static ReadOnlySpan<byte> Magic => "HCTRPLAN"u8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Write(LaunchPlan p)
    {
        var w = new Writer();
        w.Raw(Magic);
        w.U8(Version);
        w.I32(p.FormatVersion);
        w.Str(p.ProfileName);
        w.Str(p.ProfileDigest);
        w.Strs(p.Namespaces.Namespaces);
        w.U64(p.Namespaces.CloneFlags);
        w.List(p.IdMaps.Uid, w.IdMap);
        w.List(p.IdMaps.Gid, w.IdMap);
        w.Bool(p.IdMaps.DenySetgroups);
        w.Loc(p.IdMaps.Origin);
        var pr = p.Process;
        w.Strs(pr.Argv);
        w.Strs(pr.Env);
        w.Str(pr.Cwd);
        w.U32(pr.Uid);
        w.U32(pr.Gid);
        w.List(pr.AdditionalGids, w.U32);
        w.Str(pr.Hostname);
        w.Bool(pr.Terminal);
        w.Bool(pr.Init);
        w.Str(p.Rootfs.Path);
        w.Bool(p.Rootfs.ReadOnly);
        w.Loc(p.Rootfs.Origin);
        w.List(p.Mounts, m =>
        {
            w.Str(m.Source);
            w.Str(m.Target);
            w.Str(m.FsType);
            w.U64(m.Flags);
            w.Str(m.Data);
            w.U8((byte)m.TargetKind);
            w.Loc(m.Origin);
        });
        w.List(p.MaskedPaths, w.PathStep);
        w.List(p.ReadOnlyPaths, w.PathStep);
        w.List(p.Rlimits, r =>
        {
            w.Str(r.Name);
            w.I32(r.Resource);
            w.U64(r.Soft);
            w.U64(r.Hard);
            w.Loc(r.Origin);
        });
        w.List(p.Sysctls, s =>
        {
            w.Str(s.Key);
            w.Str(s.Value);
            w.Loc(s.Origin);
        });
        w.U8((byte)p.Cgroup.Layout);
        w.Str(p.Cgroup.Name);
        w.Strs(p.Cgroup.Controllers);
        w.List(p.Cgroup.Settings, s =>
        {
            w.Str(s.Controller);
            w.Str(s.File);
            w.Str(s.Value);
            w.Loc(s.Origin);
        });
        w.U8((byte)p.Network.Mode);
        w.Bool(p.Network.LoopbackUp);
        w.Loc(p.Network.Origin);
        var c = p.Capabilities;
        w.U64(c.Bounding);
        w.U64(c.Effective);
        w.U64(c.Permitted);
        w.U64(c.Inheritable);
        w.U64(c.Ambient);
        w.Strs(c.Names);
        w.Loc(c.Origin);
        w.Bool(p.NoNewPrivileges);
        w.Loc(p.NoNewPrivilegesOrigin);
        w.Bool(p.Landlock is not null);
        if (p.Landlock is { } l)
        {
            w.I32(l.Abi);
            w.U64(l.HandledAccessFs);
            w.U64(l.HandledAccessNet);
            w.U64(l.Scoped);
            w.List(l.PathRules, r =>
            {
                w.Str(r.Path);
                w.U64(r.Access);
                w.Loc(r.Origin);
            });
            w.List(l.NetRules, r =>
            {
                w.U16(r.Port);
                w.U64(r.Access);
                w.Loc(r.Origin);
            });
            w.U32(l.RestrictSelfFlags);
        }

        w.Str(p.AppArmor.ProfileName);
        w.Str(p.AppArmor.Text);
        w.Bool(p.AppArmor.Load);
        w.Str(p.Seccomp.Program);
        w.I32(p.Seccomp.InstructionCount);
        w.U32(p.Seccomp.Flags);
        w.Bool(p.Seccomp.NeedsListener);
        w.Loc(p.Seccomp.Origin);
        return w.ToArray();
    }

    /// <summary>Decodes a whole plan; <see cref="InvalidDataException"/> for anything that is not exactly one.</summary>
    public static LaunchPlan Read(ReadOnlySpan<byte> data)
    {
        var r = new Reader(data.ToArray());
        if (!r.Take(Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a plan in wire form (bad magic)");
        }

        if (r.U8() is var version and not Version)
        {
            throw new InvalidDataException($"plan wire version {version}, expected {Version}");
        }

        int formatVersion = r.I32();
        string profileName = r.Str();
        string profileDigest = r.Str();
        var namespaces = new NamespacePlan(r.Strs(), r.U64());
        var idMaps = new IdMapPlan(r.List(r.IdMap), r.List(r.IdMap), r.Bool(), r.Loc());
        var process = new ProcessPlan(r.Strs(), r.Strs(), r.Str(), r.U32(), r.U32(), r.List(r.U32), r.Str(), r.Bool(), r.Bool());
        var rootfs = new RootfsPlan(r.Str(), r.Bool(), r.Loc());
        var mounts = r.List(() => new MountStep(r.Str(), r.Str(), r.Str(), r.U64(), r.Str(), r.Enum<MountTargetKind>(1), r.Loc()));
        var masked = r.List(r.PathStep);
        var readOnly = r.List(r.PathStep);
        var rlimits = r.List(() => new RlimitStep(r.Str(), r.I32(), r.U64(), r.U64(), r.Loc()));
        var sysctls = r.List(() => new SysctlStep(r.Str(), r.Str(), r.Loc()));
        var cgroup = new CgroupPlan(r.Enum<CgroupLayout>(1), r.Str(), r.Strs(), r.List(() => new CgroupSetting(r.Str(), r.Str(), r.Str(), r.Loc())));
        var network = new NetworkPlan(r.Enum<NetworkMode>(2), r.Bool(), r.Loc());
        var capabilities = new CapabilityPlan(r.U64(), r.U64(), r.U64(), r.U64(), r.U64(), r.Strs(), r.Loc());
        bool noNewPrivileges = r.Bool();
        var noNewPrivilegesOrigin = r.Loc();
        LandlockPlan? landlock = r.Bool()
            ? new LandlockPlan(r.I32(), r.U64(), r.U64(), r.U64(),
                r.List(() => new LandlockPathRule(r.Str(), r.U64(), r.Loc())),
                r.List(() => new LandlockNetRule(r.U16(), r.U64(), r.Loc())))
            { RestrictSelfFlags = r.U32() }
            : null;
        var appArmor = new AppArmorPlan(r.Str(), r.Str(), r.Bool());
        var seccomp = new SeccompPlan(r.Str(), r.I32(), r.U32(), r.Bool(), r.Loc());
        r.End();
        return new LaunchPlan
        {
            FormatVersion = formatVersion,
            ProfileName = profileName,
            ProfileDigest = profileDigest,
            Namespaces = namespaces,
            IdMaps = idMaps,
            Process = process,
            Rootfs = rootfs,
            Mounts = mounts,
            MaskedPaths = masked,
            ReadOnlyPaths = readOnly,
            Rlimits = rlimits,
            Sysctls = sysctls,
            Cgroup = cgroup,
            Network = network,
            Capabilities = capabilities,
            NoNewPrivileges = noNewPrivileges,
            NoNewPrivilegesOrigin = noNewPrivilegesOrigin,
            Landlock = landlock,
            AppArmor = appArmor,
            Seccomp = seccomp,
        };
    }

    private sealed class Writer
    {
        private readonly ArrayBufferWriter<byte> _out = new(16 << 10);

        public byte[] ToArray() => _out.WrittenSpan.ToArray();

        public void Raw(ReadOnlySpan<byte> bytes) => _out.Write(bytes);

        public void U8(byte v) => Raw([v]);

        public void Bool(bool v) => U8(v ? (byte)1 : (byte)0);

        public void U16(ushort v)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(_out.GetSpan(2), v);
            _out.Advance(2);
        }

        public void U32(uint v)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_out.GetSpan(4), v);
            _out.Advance(4);
        }

        public void I32(int v) => U32(unchecked((uint)v));

        public void U64(ulong v)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_out.GetSpan(8), v);
            _out.Advance(8);
        }

        public void Length(int n)
        {
            uint v = (uint)n;
            while (v >= 0x80)
            {
                U8((byte)(v | 0x80));
                v >>= 7;
            }

            U8((byte)v);
        }

        public void Str(string s)
        {
            int n = StrictUtf8.GetByteCount(s);
            Length(n);
            StrictUtf8.GetBytes(s, _out.GetSpan(n));
            _out.Advance(n);
        }

        public void Strs(IReadOnlyList<string> items) => List(items, Str);

        public void List<T>(IReadOnlyList<T> items, Action<T> item)
        {
            Length(items.Count);
            foreach (var i in items)
            {
                item(i);
            }
        }

        public void Loc(SourceLocation l)
        {
            Str(l.File);
            I32(l.Line);
            I32(l.Column);
        }

        public void IdMap(IdMapEntry e)
        {
            U32(e.ContainerId);
            U32(e.HostId);
            U32(e.Size);
        }

        public void PathStep(PathStep s)
        {
            Str(s.Path);
            Loc(s.Origin);
        }
    }

    private sealed class Reader(byte[] data)
    {
        private int _at;

        public ReadOnlySpan<byte> Take(int n)
        {
            if (n < 0 || n > data.Length - _at)
            {
                throw new InvalidDataException($"plan wire form ends early (at byte {_at} of {data.Length}, {n} more needed)");
            }

            var span = data.AsSpan(_at, n);
            _at += n;
            return span;
        }

        public void End()
        {
            if (_at != data.Length)
            {
                throw new InvalidDataException($"plan wire form has {data.Length - _at} trailing bytes");
            }
        }

        public byte U8() => Take(1)[0];

        public bool Bool() => U8() switch
        {
            0 => false,
            1 => true,
            var b => throw new InvalidDataException($"plan wire form: {b} is not a boolean (at byte {_at - 1})"),
        };

        public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public T Enum<T>(byte max)
            where T : struct, System.Enum
        {
            byte v = U8();
            return v <= max ? (T)(object)(int)v : throw new InvalidDataException($"plan wire form: {v} is not a {typeof(T).Name} (at byte {_at - 1})");
        }

        /// <summary>A length, never more than the bytes left (every string byte or list item takes at least one).</summary>
        public int Length()
        {
            uint v = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new InvalidDataException($"plan wire form: a length is too long (at byte {_at})");
                }

                byte b = U8();
                v |= (uint)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            return v <= (uint)(data.Length - _at) ? (int)v : throw new InvalidDataException($"plan wire form: length {v} runs past the end (at byte {_at})");
        }

        public string Str()
        {
            var bytes = Take(Length());
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw new InvalidDataException($"plan wire form: a string is not UTF-8 (before byte {_at})", e);
            }
        }

        public IReadOnlyList<string> Strs() => List(Str);

        public IReadOnlyList<T> List<T>(Func<T> item)
        {
            var items = new T[Length()];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = item();
            }

            return items;
        }

        public SourceLocation Loc() => new(Str(), I32(), I32());

        public IdMapEntry IdMap() => new(U32(), U32(), U32());

        public PathStep PathStep() => new(Str(), Loc());
    }
}
