namespace Hctr.Policy.Plan;

public sealed record ProcessPlan(
    IReadOnlyList<string> Argv,
    IReadOnlyList<string> Env,
    string Cwd,
    uint Uid,
    uint Gid,
    IReadOnlyList<uint> AdditionalGids,
    string Hostname,
    bool Terminal,
    bool Init);
