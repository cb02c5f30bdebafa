using System;
using DeadNeurons;
using Spectre.Console;
using Spectre.Console.Cli;

// dotnet run -c Release --project samples/DeadNeurons [-- --help]

// Redirected to a file or a pipe, Spectre.Console assumes 80 columns and wraps longer lines; a log wants them whole.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200;
}

var app = new CommandApp<TrainCommand>();
app.Configure(config => config.SetApplicationName("DeadNeurons"));
return app.Run(args);
