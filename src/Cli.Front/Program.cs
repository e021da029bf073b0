// hctr: the front binary (FrontProgram). A cached `hctr run --rootfs` launches here; every other command line is
// handed to the full CLI, hctr-cli, beside it.
return Hctr.Cli.Front.FrontProgram.Run(args);
