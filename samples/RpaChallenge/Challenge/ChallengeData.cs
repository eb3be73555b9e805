namespace Samples.RpaChallenge.Challenge;

/// <summary>
/// The challenge's ten people and its seven fields, in the public RPA Challenge's shape: the spreadsheet
/// headers carry the same stray spaces ("Last Name " has a trailing space), so a bot must trim them.
/// The people are fictional; phone numbers are in Ofcom's range reserved for drama.
/// </summary>
public static class ChallengeData
{
    /// <summary>The field labels on the page, in the spreadsheet's column order.</summary>
    public static readonly string[] Fields = ["First Name", "Last Name", "Company Name", "Role in Company", "Address", "Email", "Phone Number"];

    /// <summary>The spreadsheet headers, stray spaces included.</summary>
    public static readonly string[] Headers = ["First Name", "Last Name ", "Company Name", "Role in Company", "Address", "Email", "Phone Number"];

    /// <summary>The ten rows, one per round, values in <see cref="Fields"/> order.</summary>
    public static readonly string[][] Rows =
    [
        ["Priya", "Sharma", "Thornbury Borough Council", "Benefits Assessor", "14 Queen Street", "psharma@thornbury.example", "447700900101"],
        ["Owen", "Griffiths", "Valleys Housing Trust", "Tenancy Officer", "3 Chapel Row", "ogriffiths@valleyshousing.example", "447700900102"],
        ["Aisha", "Bello", "Northgate Office Supplies", "Account Manager", "77 Deansgate", "abello@northgate.example", "447700900103"],
        ["Callum", "Fraser", "Highland Roads Partnership", "Site Engineer", "21 Castle Wynd", "cfraser@highlandroads.example", "447700900104"],
        ["Mei", "Chen", "Riverside Social Care", "Care Coordinator", "8 Quayside", "mchen@riversidecare.example", "447700900105"],
        ["Declan", "O'Neill", "Castle IT Services", "Analyst", "102 Malone Road", "doneill@castleit.example", "447700900106"],
        ["Hannah", "Whitfield", "Civic Print & Mail", "Production Lead", "5 Printworks Lane", "hwhitfield@civicprint.example", "447700900107"],
        ["Tariq", "Mahmood", "Greenfield Waste Solutions", "Fleet Planner", "46 Canal Street", "tmahmood@greenfield.example", "447700900108"],
        ["Sian", "Roberts", "Pennine Fleet Hire", "HR Manager", "19 Moor Lane", "sroberts@penninefleet.example", "447700900109"],
        ["Lucy", "Okonjo", "Brightwater Grounds", "Programmer", "60 Harbour Road", "lokonjo@brightwater.example", "447700900110"],
    ];

    /// <summary>Fields per round times rounds: 70.</summary>
    public static int TotalFields => Fields.Length * Rows.Length;
}
