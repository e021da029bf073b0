// hctr-init: the stage that runs inside a new container's namespaces (docs/sandbox.md). It is its own small
// NativeAOT binary, not a subcommand of hctr, because a launch pays its start-up: a 3 MB binary relocates and
// faults in a fraction of what the 20 MB CLI does.
return Hctr.Sandbox.Init.InitArguments.Main(args, Console.Error);
