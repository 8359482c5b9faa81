import Foundation
import KazazMail
import KazazModel
import KazazTesting
import Testing

/// Messages as a standard parser reads them: Python's `email` package decodes the headers and
/// parts back to what went in, whatever the text holds.
@Suite("Mail messages")
struct MailMessageTests {
  let from = MailAddress(parsing: "Kazaz digest <digest@example.org>")!
  let to = MailAddress(parsing: "desk@example.org")!

  func message(subject: String, text: String?, html: String?) -> MailMessage {
    MailMessage(
      from: from, to: to, subject: subject, date: Date(timeIntervalSince1970: 1_796_616_003),
      timeZone: TimeZone(identifier: "Asia/Almaty")!,
      messageID: MailMessage.messageID(report: "digest/2026-12-07", recipient: to, from: from),
      text: text, html: html)
  }

  /// Text with CRLF line ends as LF.
  func unixLines(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }

  /// Text that stresses the encoding: long lines of Cyrillic, a line that is a lone dot, lines
  /// starting with "From " and ".", trailing spaces, `=` signs, tabs, CR alone.
  static let hostileText =
    String(repeating: "Казахстан и Азербайджан = партнёры; ", count: 60) + "\n.\n.hidden\n"
    + "From the desk\ntrailing spaces   \n\ttabbed\t\n=3D not an escape\r\nend"

  @Test("multipart/alternative; lines ≤ 78 bytes with CRLF; both parts decode to what went in")
  func roundTrip() async throws {
    let html =
      "<!doctype html><p>" + String(repeating: "Ақорда — «переговоры» ", count: 200)
      + "</p>\n<p>.</p>"
    let rendered = message(
      subject: "Kazakhstan–Azerbaijan digest, 7 December 2026: 5 stories", text: Self.hostileText,
      html: html
    ).rendered()
    let lines = rendered.split(separator: 0x0A, omittingEmptySubsequences: false)
    for line in lines.dropLast() {
      #expect(line.last == 0x0D, "every line ends in CRLF")
      #expect(line.count <= 79, "at most 78 characters before CRLF")
    }
    #expect(!rendered.contains(0x00))
    #expect(rendered.allSatisfy { $0 < 0x80 }, "7-bit: everything beyond ASCII is encoded")
    let parsed = try await PythonMIME.parse(rendered)
    #expect(parsed.defects.isEmpty)
    #expect(parsed.contentType == "multipart/alternative")
    #expect(parsed.subject == "Kazakhstan–Azerbaijan digest, 7 December 2026: 5 stories")
    #expect(parsed.from == "Kazaz digest <digest@example.org>")
    #expect(parsed.to == "desk@example.org")
    #expect(parsed.timestamp == 1_796_616_003)
    #expect(parsed.date.hasSuffix("+0500"))
    #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
    #expect(parsed.parts.allSatisfy { $0.defects.isEmpty && $0.charset == "utf-8" })
    // MIME text travels with CRLF line ends (its canonical form); the parts hold the same
    // lines.
    let expectedText = Self.hostileText.replacingOccurrences(of: "\r\n", with: "\n")
    #expect(parsed.parts.first.map { unixLines($0.content) } == expectedText)
    #expect(parsed.parts.last.map { unixLines($0.content) } == html)
  }

  @Test("Subject and names from data never add a header: CR, LF and controls become spaces")
  func headerInjection() async throws {
    let evilFrom = MailAddress(
      address: "digest@example.org", displayName: "Desk\r\nBcc: x@evil.example")!
    var mail = message(
      subject: "Digest\r\nBcc: victim@evil.example\n\nbody", text: "hello", html: nil)
    mail.from = evilFrom
    let parsed = try await PythonMIME.parse(mail.rendered())
    #expect(!parsed.headerNames.contains { $0.lowercased() == "bcc" })
    #expect(parsed.subject == "Digest Bcc: victim@evil.example body")
    #expect(parsed.from.contains("Desk Bcc: x@evil.example"))
    #expect(parsed.parts.map(\.type) == ["text/plain"])
    #expect(parsed.parts.first.map { unixLines($0.content) } == "hello\n")
  }

  @Test("A long non-ASCII subject is split into encoded words that decode as one text")
  func longSubject() async throws {
    let subject =
      "Казахстан–Азербайджан: дайджест, 7 декабря 2026: 5 материалов "
      + String(
        repeating: "👩‍👩‍👧‍👦 ", count: 12)
    let rendered = message(subject: subject, text: "x", html: "<p>x</p>").rendered()
    let parsed = try await PythonMIME.parse(rendered)
    #expect(parsed.subject == subject.trimmingCharacters(in: .whitespaces))
  }

  @Test("The Message-ID is stable per report and recipient, and different for every other pair")
  func messageID() {
    let other = MailAddress(parsing: "analyst@example.org")!
    let first = MailMessage.messageID(report: "digest/2026-12-07", recipient: to, from: from)
    #expect(first == MailMessage.messageID(report: "digest/2026-12-07", recipient: to, from: from))
    #expect(
      first != MailMessage.messageID(report: "digest/2026-12-07", recipient: other, from: from))
    #expect(first != MailMessage.messageID(report: "digest/2026-12-08", recipient: to, from: from))
    #expect(first.hasPrefix("digest-2026-12-07.") && first.hasSuffix("@example.org"))
  }

  @Test("Addresses: plain local@domain only; anything that could carry a header is refused")
  func addresses() {
    for valid in ["desk@example.org", "a.b+tag@mail.example.kz", "root@localhost", "x@a-b.c"] {
      #expect(MailAddress(parsing: valid) != nil, "\(valid)")
    }
    for invalid in [
      "", "desk", "@example.org", "desk@", "a@@b", "a@b@c", "desk@exa mple.org",
      "de sk@example.org",
      "desk@example.org\r\nBcc: x@y", "\"quoted\"@example.org", "a..b@example.org",
      ".a@example.org",
      "desk@-example.org", "desk@example..org", "desk@exämple.org", "désk@example.org",
      "<desk@example.org>\nX: y", String(repeating: "a", count: 65) + "@example.org",
    ] {
      #expect(MailAddress(parsing: invalid) == nil, "\(invalid.debugDescription)")
    }
    let named = MailAddress(parsing: "\"Desk, Astana\" <desk@example.org>")
    #expect(named?.address == "desk@example.org" && named?.displayName == "Desk, Astana")
  }

  @Test("Markdown becomes plain text: escapes resolved, links as label <url>, bold dropped")
  func plainText() {
    let markdown = """
      # Kazakhstan–Azerbaijan digest — 2026-12-07

      _Items first seen 2026-12-06 08:00 – 2026-12-07 08:00 (America/New_York)_

      **5** relevant of 9 new items.

      1. **[Ferry \\[Aktau\\] \\*line\\* &lt;b&gt; &amp; co](https://example.org/a%28b%29)** — Trend
         > snake\\_case stays
      """
    let text = MarkdownPlainText.convert(markdown)
    #expect(text.contains("(America/New_York)\n"))
    #expect(text.contains("\nItems first seen"))
    #expect(text.contains("5 relevant of 9 new items."))
    #expect(text.contains("Ferry [Aktau] *line* <b> & co <https://example.org/a%28b%29> — Trend"))
    #expect(text.contains("snake_case stays"))
  }
}
