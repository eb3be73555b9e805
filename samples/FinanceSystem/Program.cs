using Samples.FinanceSystem;

await FinanceApp.Create(args).RunAsync();
