namespace Hctr.Policy.Model;

public enum VolumeMode
{
    ReadOnly,
    ReadWrite,
}
