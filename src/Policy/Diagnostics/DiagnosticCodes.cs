namespace Hctr.Policy.Diagnostics;

/// <summary>
/// Stable diagnostic codes. Never renumber: scripts and CI gates match on them. Listed in docs/errors.md.
/// 10xx YAML, 11xx schema, 12xx seccomp and capabilities, 13xx user namespace, 14xx filesystem, network,
/// resources, 15xx extends, 16xx compile, 17xx import, 19xx input files.
/// </summary>
public static class DiagnosticCodes
{
    public const string YamlSyntax = "HCTR1001";
    public const string YamlDuplicateKey = "HCTR1002";
    public const string YamlAnchor = "HCTR1003";
    public const string YamlTag = "HCTR1004";
    public const string YamlEmpty = "HCTR1005";
    public const string YamlMultipleDocuments = "HCTR1006";
    public const string YamlComplexKey = "HCTR1007";

    public const string SchemaUnknownField = "HCTR1101";
    public const string SchemaType = "HCTR1102";
    public const string SchemaRequired = "HCTR1103";
    public const string SchemaValue = "HCTR1104";
    public const string SchemaVersion = "HCTR1105";

    public const string UnknownSyscall = "HCTR1201";
    public const string UnknownGroup = "HCTR1202";
    public const string UnknownCapability = "HCTR1203";
    public const string BadAction = "HCTR1204";
    public const string ContradictoryRules = "HCTR1205";
    public const string DuplicateRule = "HCTR1206";
    public const string GroupCycle = "HCTR1207";
    public const string BadArgCondition = "HCTR1209";
    public const string SyscallNotOnArch = "HCTR1210";
    public const string BadArch = "HCTR1211";
    public const string UnreachableRule = "HCTR1212";

    public const string OverlappingIdMap = "HCTR1301";
    public const string HostRootUnsafe = "HCTR1302";
    public const string BadIdMap = "HCTR1303";
    public const string PrivilegedWithoutUserns = "HCTR1304";

    public const string BadPath = "HCTR1401";
    public const string ConflictingPath = "HCTR1402";
    public const string BadQuantity = "HCTR1403";
    public const string BadPort = "HCTR1404";
    public const string UnknownRlimit = "HCTR1405";
    public const string SysctlNotNamespaced = "HCTR1406";
    public const string BadAppArmorRule = "HCTR1407";
    public const string BadDevice = "HCTR1408";
    public const string NetworkContradiction = "HCTR1409";
    public const string BadRlimit = "HCTR1410";

    public const string ExtendsNotFound = "HCTR1501";
    public const string ExtendsCycle = "HCTR1502";
    public const string ExtendsWidens = "HCTR1503";
    public const string ExtendsTooDeep = "HCTR1504";
    public const string WidenDeclared = "HCTR1505";

    public const string SeccompTooLarge = "HCTR1601";
    public const string LandlockDegraded = "HCTR1602";
    public const string OciInexpressible = "HCTR1603";
    public const string AppArmorUnavailable = "HCTR1604";
    public const string UnsafeSwitch = "HCTR1605";
    public const string RequestNotAllowed = "HCTR1606";
    public const string BadLaunchRequest = "HCTR1607";
    public const string NoHostIdRange = "HCTR1608";
    public const string PidsTooLow = "HCTR1609";

    public const string ImportInvalid = "HCTR1701";
    public const string ImportUnsupported = "HCTR1702";

    public const string OrgPolicyInvalid = "HCTR1801";
    public const string TrustPolicyInvalid = "HCTR1802";

    public const string FileNotFound = "HCTR1901";
    public const string FileUnreadable = "HCTR1902";
    public const string FileTooLarge = "HCTR1903";
}
