namespace Hctr.Engine.Images;

public enum PullPhase
{
    Resolved,
    Trusted,
    Downloading,
    Downloaded,
    Unpacking,
    Unpacked,
}
