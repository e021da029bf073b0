namespace Hctr.Policy.Import;

/// <summary>One Docker/OCI argument comparison as written: <c>{index, value, valueTwo, op}</c>.</summary>
internal sealed record DockerArg(int Index, ulong Value, ulong ValueTwo, string Op);
