using System.CommandLine;
using Hctr.Sandbox.Init;

namespace Hctr.Cli.Commands;

/// <summary><c>hctr init --plan-fd N --error-fd M [--cgroup-fd C] [--console-fd S]</c>: the hidden stage that runs inside the container's namespaces.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var planFd = new Option<int>("--plan-fd") { Required = true };
        var errorFd = new Option<int>("--error-fd") { Required = true };
        var cgroupFd = new Option<int>("--cgroup-fd") { DefaultValueFactory = _ => -1 };
        var consoleFd = new Option<int>("--console-fd") { DefaultValueFactory = _ => -1 };
        var command = new Command("init", "Internal: apply a launch plan inside the new namespaces and exec the workload.")
        {
            Hidden = true,
        };
        command.Options.Add(planFd);
        command.Options.Add(errorFd);
        command.Options.Add(cgroupFd);
        command.Options.Add(consoleFd);
        command.SetAction(parse => InitStage.Run(parse.GetValue(planFd), parse.GetValue(errorFd), parse.GetValue(cgroupFd), parse.GetValue(consoleFd)));
        return command;
    }
}
