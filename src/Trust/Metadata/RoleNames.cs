namespace Hctr.Trust.Metadata;

/// <summary>The four top-level TUF role names.</summary>
public static class RoleNames
{
    public const string Root = "root";
    public const string Timestamp = "timestamp";
    public const string Snapshot = "snapshot";
    public const string Targets = "targets";

    public static bool IsTopLevel(string name) => name is Root or Timestamp or Snapshot or Targets;
}
