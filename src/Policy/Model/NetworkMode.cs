namespace Hctr.Policy.Model;

public enum NetworkMode
{
    None,
    Bridge,
    Host,
}
