using iAyos.Messaging.Cli;

return await IayosCommand.InvokeAsync(args, Console.Out, Console.Error);
