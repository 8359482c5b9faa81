import Foundation

/// A written report that can be mailed: its stable key, its subject and the files the message
/// is made from (the Markdown becomes the text part, the HTML file is the HTML part as it is).
/// The daily digest is one; any other report written as Markdown and HTML (a weekly one) is
/// mailed the same way, under a key of its own.
public struct MailReport: Sendable, Equatable {
  /// Unique and stable per report: `digest/2026-12-07`. It names the report in the store, in
  /// `status` and in the Message-ID, so each report is mailed once per recipient.
  public var key: String
  public var subject: String
  public var markdownFile: URL?
  public var htmlFile: URL?

  public init(key: String, subject: String, markdownFile: URL?, htmlFile: URL?) {
    self.key = key
    self.subject = subject
    self.markdownFile = markdownFile
    self.htmlFile = htmlFile
  }

  /// A report from its written files: the first `.md` and the first `.html` among them.
  public init(key: String, subject: String, files: [URL]) {
    self.init(
      key: key, subject: subject, markdownFile: files.first { $0.pathExtension == "md" },
      htmlFile: files.first { $0.pathExtension == "html" })
  }

  /// The key of the daily digest of `day`.
  public static func digestKey(day: String) -> String { "digest/\(day)" }

  /// The key of the weekly report of `week` (`2026-W48`).
  public static func weeklyKey(week: String) -> String { "weekly/\(week)" }

  /// How a reader names a report with this key: `digest 2026-12-07`.
  public static func label(of key: String) -> String {
    key.replacingOccurrences(of: "/", with: " ")
  }
}
