using Clientele.Platform.Cli;
using Clientele.Retail.Cli;

// Same words as the server's verb without its name: clientele-mine <file> --min-support F ...
return MineVerb.Run(new CliArguments(args, MineVerb.Verb.Flags), Console.Out, Console.Error);
