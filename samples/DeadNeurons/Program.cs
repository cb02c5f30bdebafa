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
app.Configure(config =>
{
    config.SetApplicationName("DeadNeurons");
    // A misspelt option (--epoch 1) must stop the program, not be ignored for a ten-minute run with defaults.
    config.UseStrictParsing();
});
return app.Run(args);
