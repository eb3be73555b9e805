using MimeKit;

namespace Automation.Bots.Mail.Messages;

/// <summary>An attachment of a received message with its decoded bytes (for outputs, and for saving as a document).</summary>
/// <param name="Name">File name (made up from the type when the sender gave none, e.g. <c>attachment-2.pdf</c>).</param>
/// <param name="ContentType">MIME type, e.g. <c>application/pdf</c>.</param>
/// <param name="Content">The decoded bytes.</param>
public sealed record MailAttachmentData(string Name, string ContentType, byte[] Content)
{
    /// <summary>Every attachment of <paramref name="message"/> (attached files and attached messages), decoded, in order.</summary>
    public static IReadOnlyList<MailAttachmentData> Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = new List<MailAttachmentData>();
        var n = 0;
        foreach (var entity in message.Attachments)
        {
            n++;
            using var buffer = new MemoryStream();
            string? name;
            switch (entity)
            {
                case MimePart part:
                    part.Content?.DecodeTo(buffer);
                    name = part.FileName;
                    break;
                case MessagePart attached:
                    attached.Message?.WriteTo(buffer);
                    name = entity.ContentDisposition?.FileName ?? entity.ContentType.Name
                        ?? (string.IsNullOrWhiteSpace(attached.Message?.Subject) ? null : attached.Message.Subject + ".eml");
                    break;
                default:
                    continue;
            }
            var type = entity.ContentType.MimeType;
            if (string.IsNullOrWhiteSpace(name))
                name = $"attachment-{n}" + (MimeTypes.TryGetExtension(type, out var extension) ? extension : "");
            result.Add(new MailAttachmentData(SafeName(name), type, buffer.ToArray()));
        }
        return result;
    }

    // A name comes from the sender: keep it a plain file name, never a path.
    private static string SafeName(string name)
    {
        var file = name.Replace('\\', '/').Split('/').Last().Trim();
        var clean = new string(file.Select(c => char.IsControl(c) ? '_' : c).ToArray());
        return clean.Length == 0 || clean is "." or ".." ? "attachment" : clean;
    }
}
