using Samples.RpaChallenge;
using Samples.RpaChallenge.Challenge;

// `dotnet run --project samples/RpaChallenge -- write-xlsx FILE` writes the challenge spreadsheet and exits.
if (args is ["write-xlsx", var path])
{
    await File.WriteAllBytesAsync(path, ChallengeWorkbook.Build());
    Console.WriteLine($"wrote {path}");
    return;
}

await ChallengeApp.Create(args).RunAsync();
