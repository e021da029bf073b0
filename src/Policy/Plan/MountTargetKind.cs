namespace Hctr.Policy.Plan;

public enum MountTargetKind
{
    Directory,
    File,
}
