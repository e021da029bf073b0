using Hctr.Cli;

return HctrApp.Run(args);
