import Foundation

/// The `Date:` of a message (RFC 5322 §3.3): `Mon, 07 Dec 2026 08:00:03 +0500`, English names
/// whatever the process's locale.
enum MailDate {
  static func format(_ date: Date, in timeZone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = timeZone
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: date)
  }
}
