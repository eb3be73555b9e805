namespace Samples.PeoplePortal.Staff;

/// <summary>The portal's own settings beside the common ones (section <c>People</c>).</summary>
public sealed class PortalOptions
{
    /// <summary>
    /// The domain of staff email addresses: every account created gets <c>user name@MailDomain</c>, and so do the seeded
    /// staff, except one (employee 9006) whose address was never recorded. A test sets it to its own mail server's domain.
    /// </summary>
    public string MailDomain { get; set; } = "peoplenet.council.example";

    /// <summary>The address of <paramref name="userName"/>.</summary>
    public string EmailOf(string userName) => $"{userName}@{MailDomain}";
}
