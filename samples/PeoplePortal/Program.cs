using Samples.PeoplePortal;

await PortalApp.Create(args).RunAsync();
