import Foundation
import KazazModel

/// One e-mail to one recipient, as the bytes an SMTP server receives: RFC 5322 headers and a
/// MIME body (`multipart/alternative` of a text and an HTML part when both are given), UTF-8,
/// quoted-printable, CRLF line ends, no line longer than 78 characters but for the caller's
/// `Message-ID`. Header values from config or feed text are put on one line and encoded, so
/// none can add a header.
public struct MailMessage: Sendable, Equatable {
  public var from: MailAddress
  public var to: MailAddress
  public var subject: String
  /// The `Date:` field; written in `timeZone`.
  public var date: Date
  public var timeZone: TimeZone
  /// Without angle brackets: `digest-2026-12-07.5f0c…@example.org` (`messageID(report:…)`).
  public var messageID: String
  public var text: String?
  public var html: String?

  public init(
    from: MailAddress, to: MailAddress, subject: String, date: Date,
    timeZone: TimeZone = TimeZone(identifier: "UTC")!, messageID: String, text: String?,
    html: String?
  ) {
    self.from = from
    self.to = to
    self.subject = subject
    self.date = date
    self.timeZone = timeZone
    self.messageID = messageID
    self.text = text
    self.html = html
  }

  /// The Message-ID of the mail of `report` to `recipient`: the same for every send of that
  /// report to that recipient, so a resend is recognisable as one (and a mail reader shows it
  /// once), different for every other pair. `report` is a key such as `digest/2026-12-07`.
  public static func messageID(report: String, recipient: MailAddress, from: MailAddress)
    -> String
  {
    let readable = String(
      report.unicodeScalars.prefix(60).map {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
          ? Character($0) : "-"
      })
    let hash = StableHash.hex(report + "\n" + recipient.address.lowercased())
    return "\(readable).\(hash)@\(from.domain)"
  }

  /// The message, ready for SMTP's DATA (before dot-stuffing, which the transport does).
  public func rendered() -> Data {
    var lines = [
      "Date: " + MailDate.format(date, in: timeZone),
      "From: " + from.headerValue,
      "To: " + to.headerValue,
      HeaderText.encodedField("Subject", subject),
      "Message-ID: <\(HeaderText.oneLine(messageID).filter { $0 != "<" && $0 != ">" && $0 != " " })>",
      "MIME-Version: 1.0",
      // RFC 3834: an automatic message; well-behaved responders do not answer it.
      "Auto-Submitted: auto-generated",
    ]
    let parts = [
      text.map { ("text/plain", $0) }, html.map { ("text/html", $0) },
    ].compactMap { $0 }
    if parts.count == 1, let (type, content) = parts.first {
      lines += Self.partHeaders(type)
      lines.append("")
      lines.append(QuotedPrintable.encode(content))
    } else {
      // `=_` never occurs in quoted-printable text (`=` is always `=3D` there), so the
      // boundary cannot appear inside a part.
      let boundary = "=_kazaz_" + StableHash.hex(messageID + subject)
      lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
      lines.append("")
      lines.append("This is a message in MIME format: a text and an HTML version.")
      for (type, content) in parts {
        lines.append("--\(boundary)")
        lines += Self.partHeaders(type)
        lines.append("")
        lines.append(QuotedPrintable.encode(content))
      }
      lines.append("--\(boundary)--")
    }
    return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
  }

  private static func partHeaders(_ type: String) -> [String] {
    ["Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"]
  }
}
