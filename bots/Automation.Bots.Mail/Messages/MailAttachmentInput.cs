namespace Automation.Bots.Mail.Messages;

/// <summary>
/// A file to attach to an email, as a workflow gives it: a stored document <c>{"documentId"}</c> (as the EmailReceived
/// trigger gives attachments; name and type default to the document's), or the bytes themselves
/// <c>{"name", "contentType", "contentBase64"}</c> (as ReadMailbox gives them).
/// </summary>
public sealed record MailAttachmentInput
{
    /// <summary>The file name the recipient sees, e.g. <c>response.pdf</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The MIME type, e.g. <c>application/pdf</c>; guessed from the name when empty.</summary>
    public string? ContentType { get; init; }

    /// <summary>The file's bytes in base64 (as ReadMailbox returns them with attachment content on).</summary>
    public string? ContentBase64 { get; init; }

    /// <summary>A document in the store to attach instead of <see cref="ContentBase64"/>.</summary>
    public string? DocumentId { get; init; }
}
