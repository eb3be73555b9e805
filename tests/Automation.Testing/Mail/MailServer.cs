using System.Globalization;
using System.Security.Cryptography;

namespace Automation.Testing.Mail;

/// <summary>A mailbox on a test <see cref="MailServer"/>: its address (also its user name) and password.</summary>
/// <param name="Address">The address, for example <c>foi@m1234-1.council.test</c>; Dovecot's user name is the same.</param>
/// <param name="Password">The password for IMAP and submission.</param>
public sealed record TestMailbox(string Address, string Password)
{
    /// <summary>The user name to sign in with (the address).</summary>
    public string UserName => Address;

    /// <inheritdoc />
    /// <remarks>Leaves the password out, so that a test's message never shows it.</remarks>
    public override string ToString() => Address;
}

/// <summary>
/// A real mail server for one test (or test class), on 127.0.0.1: its own Dovecot serving IMAP (with IDLE), LMTP
/// and authenticated submission, with mailboxes created by <see cref="CreateMailboxAsync"/> under its own
/// <see cref="Domain"/>; and the machine's shared OpenSMTPD (<see cref="SmtpPort"/>, no authentication) that delivers
/// mail for that domain to this Dovecot. Dispose it to stop Dovecot (by PID), remove its route and delete its files.
/// </summary>
/// <remarks>
/// <para>
/// Sending: <see cref="SubmissionPort"/> is Dovecot's submission service (SMTP with AUTH PLAIN/LOGIN over plain text,
/// as a mailServer credential with security <c>none</c> uses it); it relays through OpenSMTPD, so a message sent there
/// reaches every recipient on the domain, bcc included. <see cref="SmtpPort"/> is OpenSMTPD itself, for mail "from
/// outside" that needs no sign-in. Delivery is asynchronous: wait for the message to arrive (IMAP) rather than
/// expecting it at once.
/// </para>
/// <para>
/// Files live in <c>/tmp/automation-test-mail/dovecot-&lt;pid&gt;-&lt;n&gt;</c>; a folder left by a killed test
/// process is stopped and deleted when the next mail server starts. Runs as root (mail is stored as <c>nobody</c>),
/// like the rest of the test suite; see docs and <see cref="SmtpRelay"/> for why OpenSMTPD is shared.
/// </para>
/// </remarks>
public sealed class MailServer : IAsyncDisposable
{
    private const string Dovecot = "/usr/sbin/dovecot";
    private static readonly string Root = "/tmp/automation-test-mail";
    private static int _counter;
    private static int _cleanedUp;
    private readonly string _folder;
    private readonly string _relayRegistration;
    private readonly int _pid;
    private readonly SemaphoreSlim _usersLock = new(1, 1);
    private readonly Dictionary<string, string> _users = new(StringComparer.OrdinalIgnoreCase);
    private int _disposed;

    private MailServer(string folder, string domain, int pid, int imapPort, int imapsPort, int submissionPort, int lmtpPort, int smtpPort, string relayRegistration)
    {
        ImapsPort = imapsPort;
        _folder = folder;
        Domain = domain;
        _pid = pid;
        ImapPort = imapPort;
        SubmissionPort = submissionPort;
        LmtpPort = lmtpPort;
        SmtpPort = smtpPort;
        _relayRegistration = relayRegistration;
    }

    /// <summary>The host every service listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The mail domain of this server's mailboxes, unique on the machine (for example <c>m1234-1.council.test</c>).</summary>
    public string Domain { get; }

    /// <summary>IMAP, plain text, LOGIN/AUTHENTICATE PLAIN allowed.</summary>
    public int ImapPort { get; }

    /// <summary>
    /// IMAP over implicit TLS (security <c>sslOnConnect</c>) when the server was started with a certificate, else 0. With
    /// a certificate, <see cref="ImapPort"/> and <see cref="SubmissionPort"/> offer STARTTLS too (and still allow plain text).
    /// </summary>
    public int ImapsPort { get; }

    /// <summary>Dovecot's submission service: SMTP with authentication (any mailbox of this server), relaying through OpenSMTPD.</summary>
    public int SubmissionPort { get; }

    /// <summary>Dovecot's LMTP service, which delivers straight into the mailboxes (also for messages SMTP would refuse).</summary>
    public int LmtpPort { get; }

    /// <summary>The shared OpenSMTPD: SMTP without authentication, delivering this domain's mail here.</summary>
    public int SmtpPort { get; }

    /// <summary>Starts Dovecot on free ports and routes the new domain through the machine's OpenSMTPD.</summary>
    /// <exception cref="InvalidOperationException">Dovecot or OpenSMTPD is not installed, or did not start (the message holds its log).</exception>
    public static Task<MailServer> StartAsync() => StartAsync(null);

    /// <summary>Starts Dovecot as <see cref="StartAsync()"/>, set up as <paramref name="setup"/> says (TLS, no IDLE, recorded commands).</summary>
    /// <exception cref="InvalidOperationException">Dovecot or OpenSMTPD is not installed, or did not start (the message holds its log).</exception>
    public static async Task<MailServer> StartAsync(MailServerSetup? setup) =>
        await Task.Run(() => Start(setup ?? new MailServerSetup())).ConfigureAwait(false);

    /// <summary>Creates a mailbox <c>localPart@Domain</c> with <paramref name="password"/> (random when null).</summary>
    /// <exception cref="ArgumentException">The local part is empty, has characters Dovecot's user file cannot hold, or is taken.</exception>
    public async Task<TestMailbox> CreateMailboxAsync(string localPart, string? password = null)
    {
        if (string.IsNullOrWhiteSpace(localPart) || localPart.Any(c => c is ':' or '@' or '\n' or '\r' || char.IsWhiteSpace(c)))
            throw new ArgumentException($"'{localPart}' cannot be a mailbox name here: use letters, digits, '.', '-' or '_'.", nameof(localPart));
        password ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        if (password.Contains(':') || password.Contains('\n'))
            throw new ArgumentException("The password may not hold ':' or a line break (Dovecot's user file format).", nameof(password));
        var address = $"{localPart}@{Domain}";
        await _usersLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_users.TryAdd(address, password)) throw new ArgumentException($"The mailbox {address} exists already.", nameof(localPart));
            // Dovecot re-reads the passwd-file when it changes; write a new file and swap it in, so it never sees half of one.
            var lines = string.Concat(_users.Select(u => $"{u.Key}:{{PLAIN}}{u.Value}\n"));
            var temporary = Path.Combine(_folder, "users.new");
            await File.WriteAllTextAsync(temporary, lines).ConfigureAwait(false);
            File.Move(temporary, Path.Combine(_folder, "users"), overwrite: true);
        }
        finally
        {
            _usersLock.Release();
        }
        return new TestMailbox(address, password);
    }

    /// <summary>
    /// Withdraws this test process from the machine's shared OpenSMTPD, stopping it when no other process uses it. Runs
    /// at process exit; call it from an assembly-level <c>[SetUpFixture]</c>'s <c>[OneTimeTearDown]</c> too, as the
    /// test host may be killed before exit handlers finish.
    /// </summary>
    public static void ReleaseSharedRelay() => SmtpRelay.Release();

    /// <summary>
    /// The IMAP commands clients sent so far, one per line, from every session (needs <see cref="MailServerSetup.RecordImapCommands"/>;
    /// empty otherwise). Sign-in commands are left out, as they hold passwords.
    /// </summary>
    public IReadOnlyList<string> ReadImapCommands()
    {
        var folder = Path.Combine(_folder, "rawlog");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.in")
            .SelectMany(file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            })
            .Where(line => !line.Contains("LOGIN", StringComparison.OrdinalIgnoreCase) && !line.Contains("AUTHENTICATE", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>Dovecot's log so far (for a failing test's message).</summary>
    public string ReadLog()
    {
        var log = Path.Combine(_folder, "dovecot.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    /// <summary>Stops Dovecot (SIGTERM to its master, by PID), removes the domain's route and deletes the files.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return ValueTask.CompletedTask;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
        _usersLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Stop();
    }

    private void Stop()
    {
        try
        {
            SmtpRelay.RemoveRoute(_relayRegistration);
        }
        finally
        {
            UnixProcess.Stop(_pid, "dovecot", TimeSpan.FromSeconds(5));
            DeleteFolder(_folder);
        }
    }

    private static MailServer Start(MailServerSetup setup)
    {
        var certificate = setup.Certificate;
        if (!File.Exists(Dovecot))
            throw new InvalidOperationException(
                $"Dovecot is not installed ({Dovecot} is missing): run scripts/install-deps.sh (dovecot-imapd, dovecot-lmtpd, dovecot-submissiond).");
        if (Interlocked.Exchange(ref _cleanedUp, 1) == 0) CleanUpKilledRuns();
        var n = Interlocked.Increment(ref _counter);
        var folder = Path.Combine(Root, $"dovecot-{Environment.ProcessId}-{n}");
        var domain = $"m{Environment.ProcessId}-{n}.council.test";
        Directory.CreateDirectory(folder);
        foreach (var sub in new[] { "run", "state", "mail", "rawlog" }) Directory.CreateDirectory(Path.Combine(folder, sub));
        // Dovecot's mail processes run as nobody: they write the mail and the recorded commands.
        if (!OperatingSystem.IsWindows())
            foreach (var sub in new[] { "mail", "rawlog" }) File.SetUnixFileMode(Path.Combine(folder, sub), (UnixFileMode)0x1FF);
        File.WriteAllText(Path.Combine(folder, "users"), "");

        for (var attempt = 1; ; attempt++)
        {
            int imap = UnixProcess.FreePort(), submission = UnixProcess.FreePort(), lmtp = UnixProcess.FreePort();
            var imaps = certificate is null ? 0 : UnixProcess.FreePort();
            // The relay port is known only once the route is added, and the route needs the LMTP port: add the route
            // first (OpenSMTPD retries delivery until Dovecot listens), then write Dovecot's configuration.
            var (smtp, registration) = SmtpRelay.AddRoute(domain, lmtp);
            var config = Path.Combine(folder, "dovecot.conf");
            File.WriteAllText(config, Configuration(folder, domain, imap, imaps, submission, lmtp, smtp, setup));
            var pid = UnixProcess.Start(Dovecot, ["-F", "-c", config], Path.Combine(folder, "dovecot.out"));
            File.WriteAllText(Path.Combine(folder, "owner.pid"), pid.ToString(CultureInfo.InvariantCulture));
            bool Alive() => UnixProcess.IsRunning(pid, "dovecot");
            if (UnixProcess.WaitForPort(imap, TimeSpan.FromSeconds(15), Alive)
                && UnixProcess.WaitForPort(submission, TimeSpan.FromSeconds(5), Alive)
                && UnixProcess.WaitForPort(lmtp, TimeSpan.FromSeconds(5), Alive)
                && (imaps == 0 || UnixProcess.WaitForPort(imaps, TimeSpan.FromSeconds(5), Alive)))
            {
                var server = new MailServer(folder, domain, pid, imap, imaps, submission, lmtp, smtp, registration);
                AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
                return server;
            }
            var state = UnixProcess.Describe(pid);
            UnixProcess.Stop(pid, "dovecot", TimeSpan.FromSeconds(2));
            SmtpRelay.RemoveRoute(registration);
            var log = ReadFile(Path.Combine(folder, "dovecot.log")) + ReadFile(Path.Combine(folder, "dovecot.out"));
            if (attempt == 3)
            {
                DeleteFolder(folder);
                throw new InvalidOperationException($"Dovecot did not start (IMAP {imap}, submission {submission}, LMTP {lmtp}; process {pid}: {state}):\n{log}");
            }
        }
    }

    private static string Configuration(string folder, string domain, int imap, int imaps, int submission, int lmtp, int smtp, MailServerSetup setup)
    {
        // With a certificate: STARTTLS offered on IMAP and submission (plain text still allowed, as the other tests use
        // it), implicit TLS on the imaps listener.
        var extra = setup.Certificate is { } files
            ? $"ssl = yes\nssl_cert = <{files.CertificatePath}\nssl_key = <{files.KeyPath}\n"
            : "ssl = no\n";
        // Dovecot 2.3's default capabilities after sign-in, less IDLE.
        if (!setup.Idle)
            extra += "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE\n";
        if (setup.RecordImapCommands)
            extra += $"protocol imap {{\n  rawlog_dir = {folder}/rawlog\n}}\n";
        // Dovecot will not store mail as root; the tests run as root (OpenSMTPD needs it), so mail belongs to nobody.
        const string mailUser = "nobody", mailGroup = "nogroup";
        return $$"""
            # Written by the tests (Automation.Testing MailServer) for domain {{domain}}.
            protocols = imap lmtp submission
            listen = 127.0.0.1
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            instance_name = test-{{Path.GetFileName(folder)}}
            log_path = {{folder}}/dovecot.log
            {{extra}}
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            # A refused password answers at once (the default waits 2 s, which only slows the tests that check refusals).
            auth_failure_delay = 0
            hostname = mail.{{domain}}
            mail_location = maildir:~/Maildir
            mail_uid = {{mailUser}}
            mail_gid = {{mailGroup}}
            first_valid_uid = 1
            first_valid_gid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/users
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailGroup}} home={{folder}}/mail/%d/%n
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{imap}}
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = {{imaps}}
              }
            }
            service submission-login {
              inet_listener submission {
                address = 127.0.0.1
                port = {{submission}}
              }
            }
            service lmtp {
              inet_listener lmtp {
                address = 127.0.0.1
                port = {{lmtp}}
              }
            }
            submission_relay_host = 127.0.0.1
            submission_relay_port = {{smtp}}
            submission_relay_trusted = yes
            protocol lmtp {
              auth_username_format = %u
            }
            """;
    }

    /// <summary>Stops the Dovecot of folders whose test process is gone and deletes them.</summary>
    private static void CleanUpKilledRuns()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.GetDirectories(Root, "dovecot-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 2 || UnixProcess.ParsePid(parts[1]) is not { } owner || UnixProcess.IsAlive(owner)) continue;
            if (UnixProcess.ParsePid(ReadFile(Path.Combine(folder, "owner.pid"))) is { } dovecot) UnixProcess.Stop(dovecot, "dovecot", TimeSpan.FromSeconds(5));
            DeleteFolder(folder);
        }
    }

    private static string ReadFile(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static void DeleteFolder(string folder)
    {
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 20)
            {
                Thread.Sleep(50);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                System.Diagnostics.Trace.TraceWarning($"Could not delete the test mail folder {folder}: {e.Message}");
                return;
            }
        }
    }
}
