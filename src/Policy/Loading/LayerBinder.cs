using System.Collections.Immutable;
using System.Globalization;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;
using Hctr.Policy.Yaml;
using static Hctr.Policy.Loading.NodeReader;

namespace Hctr.Policy.Loading;

/// <summary>
/// Binds a schema-valid YAML tree to a <see cref="ProfileLayer"/>, checking values the schema cannot
/// (capability names, actions, sizes, port ranges). Never throws; problems become diagnostics.
/// </summary>
internal static class LayerBinder
{
    public static ProfileLayer Bind(YMapping root, string source, DiagnosticBag d)
    {
        var meta = Map(root, "metadata");
        var spec = Map(root, "spec");
        var layer = new ProfileLayer
        {
            Source = source,
            Name = Text(meta, "name") ?? new Located<string>("", root.Location),
            Description = Scalar(meta, "description")?.Value,
            Extends = Text(root, "extends"),
            Widen = Strings(root, "widen") ?? [],
            NoNewPrivileges = Bool(spec, "noNewPrivileges"),
        };
        layer = BindCapabilities(layer, Map(spec, "capabilities"), d);
        layer = BindUserNamespace(layer, Map(spec, "userNamespace"), d);
        layer = SeccompBinder.Bind(layer, Map(spec, "seccomp"), d);
        layer = FilesystemBinder.Bind(layer, Map(spec, "filesystem"), d);
        layer = BindNetwork(layer, Map(spec, "network"), d);
        layer = ResourceBinder.Bind(layer, spec, d);
        return layer;
    }

    private static ProfileLayer BindCapabilities(ProfileLayer layer, YMapping? caps, DiagnosticBag d)
    {
        var names = Strings(caps, "add");
        if (names is null)
        {
            return layer;
        }

        var list = ImmutableArray.CreateBuilder<Located<Capability>>();
        foreach (var n in names.Value)
        {
            if (n.Value.Equals("ALL", StringComparison.OrdinalIgnoreCase))
            {
                d.Error(DiagnosticCodes.UnknownCapability, n.Origin, "'ALL' is not accepted: name each capability the workload needs",
                    "spec.capabilities.add", "list capabilities one by one so reviews and audits see them");
            }
            else if (CapabilityNames.TryParse(n.Value, out var cap))
            {
                list.Add(new Located<Capability>(cap, n.Origin));
            }
            else
            {
                var s = CapabilityNames.Suggest(n.Value);
                d.Error(DiagnosticCodes.UnknownCapability, n.Origin, $"unknown capability '{n.Value}'", "spec.capabilities.add",
                    s is null ? "see capabilities(7) for the names" : $"did you mean '{s}'?");
            }
        }

        return layer with { CapAdd = list.ToImmutable() };
    }

    private static ProfileLayer BindUserNamespace(ProfileLayer layer, YMapping? u, DiagnosticBag d)
    {
        if (u is null)
        {
            return layer;
        }

        Located<UserNamespaceMode>? mode = Scalar(u, "mode") is { } m
            ? new(m.Value switch { "map" => UserNamespaceMode.Map, "hostUnsafe" => UserNamespaceMode.HostUnsafe, _ => UserNamespaceMode.Auto }, m.Location)
            : null;
        return layer with
        {
            UsernsMode = mode,
            UsernsSize = Scalar(u, "size") is { } s && uint.TryParse(s.Value, CultureInfo.InvariantCulture, out var size) ? size : null,
            UidMappings = IdMaps(u, "uidMappings"),
            GidMappings = IdMaps(u, "gidMappings"),
            AllowHostRootUnsafe = Bool(u, "allowHostRootUnsafe"),
        };
    }

    private static ImmutableArray<IdMapping>? IdMaps(YMapping u, string key)
    {
        if (!Has(u, key))
        {
            return null;
        }

        return [.. Items(u, key).OfType<YMapping>().Select(m => new IdMapping(
            U32(Scalar(m, "containerID")), U32(Scalar(m, "hostID")), U32(Scalar(m, "size")), m.Location))];
    }

    private static uint U32(YScalar? s) => s is not null && uint.TryParse(s.Value, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static ProfileLayer BindNetwork(ProfileLayer layer, YMapping? n, DiagnosticBag d)
    {
        if (n is null)
        {
            return layer;
        }

        var modes = Strings(n, "modes")?.Select(m => new Located<NetworkMode>(
            m.Value switch { "host" => NetworkMode.Host, "bridge" => NetworkMode.Bridge, _ => NetworkMode.None }, m.Origin)).ToImmutableArray();
        var tcp = Map(n, "tcp");
        return layer with
        {
            NetworkModes = modes,
            TcpBind = Ports(tcp, "bind", d),
            TcpConnect = Ports(tcp, "connect", d),
        };
    }

    private static ImmutableArray<PortRange>? Ports(YMapping? tcp, string key, DiagnosticBag d)
    {
        if (!Has(tcp, key))
        {
            return null;
        }

        var list = ImmutableArray.CreateBuilder<PortRange>();
        foreach (var item in Items(tcp, key).OfType<YScalar>())
        {
            var parts = item.Value.Split('-');
            if (parts.Length is 1 or 2
                && ushort.TryParse(parts[0], CultureInfo.InvariantCulture, out var first)
                && ushort.TryParse(parts[^1], CultureInfo.InvariantCulture, out var last)
                && first <= last)
            {
                list.Add(new PortRange(first, last, item.Location));
            }
            else
            {
                d.Error(DiagnosticCodes.BadPort, item.Location, $"'{item.Value}' is not a port or an ascending port range within 0-65535",
                    $"spec.network.tcp.{key}", "write 443 or \"8000-8080\"; port 0 stands for binding an ephemeral port");
            }
        }

        return list.ToImmutable();
    }
}
