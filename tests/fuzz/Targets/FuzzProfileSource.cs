using Hctr.Policy.Loading;

namespace Hctr.Fuzz.Targets;

/// <summary>
/// What <c>extends:</c> can reach from a fuzzed profile: <c>base.yaml</c> (a small valid profile) and the
/// fuzzed file itself under its own name (so cycles are exercised). Everything else is missing.
/// </summary>
internal sealed class FuzzProfileSource(string selfName, string selfText) : IProfileSource
{
    public const string BaseName = "base.yaml";

    public const string BaseText = """
        apiVersion: hctr.dev/v1
        kind: SecurityProfile
        metadata: {name: base}
        spec:
          capabilities: {add: [NET_BIND_SERVICE, CHOWN]}
          userNamespace: {mode: auto}
          seccomp:
            defaultAction: errno(EPERM)
            rules:
              - {syscalls: ["@default"], action: allow}
              - {syscalls: [socket], action: allow, args: [{index: 0, op: eq, value: 2}]}
          filesystem:
            readOnlyRootfs: true
            access: [{path: /, allow: [read, execute]}, {path: /tmp, allow: [read, write]}]
          network: {modes: [bridge, none], tcp: {bind: [8080], connect: ["1-1024"]}}
          resources: {memory: 256Mi, pids: 128}

        """;

    public ProfileText Read(string reference, string? from) => reference switch
    {
        BaseName => ProfileText.Found(BaseName, BaseText),
        _ when reference == selfName => ProfileText.Found(selfName, selfText),
        _ => ProfileText.Missing(reference, "not in the fuzz source"),
    };
}
