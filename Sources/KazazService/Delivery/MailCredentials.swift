import Foundation
import KazazConfig

#if canImport(Glibc)
  import Glibc
#endif

/// The SMTP user name and password, read from the credentials file when mail is sent: the
/// first line is the user name, the second the password. The file must be a regular file of
/// at most 4 KiB owned by the user the daemon runs as and readable by no one else (mode 0600
/// or 0400) — what systemd's `LoadCredential=` gives the service under
/// `$CREDENTIALS_DIRECTORY`, and what `install -m 0600` gives a file.
struct MailCredentials: Sendable, Equatable {
  var username: String
  var password: String

  static let maximumSize = 4096

  enum Problem: Error, CustomStringConvertible {
    case noCredentialsDirectory(name: String)
    case unreadable(path: String, reason: String)
    case unsafe(path: String, reason: String)
    case malformed(path: String)

    var description: String {
      switch self {
      case .noCredentialsDirectory(let name):
        "credentials systemd:\(name): CREDENTIALS_DIRECTORY is not set (add "
          + "LoadCredential=\(name):FILE to the service, or name a file)"
      case .unreadable(let path, let reason): "cannot read the credentials file \(path): \(reason)"
      case .unsafe(let path, let reason): "credentials file \(path) refused: \(reason)"
      case .malformed(let path):
        "credentials file \(path): expected the user name on the first line and the password "
          + "on the second"
      }
    }
  }

  /// The path the configured source names now.
  static func path(
    of source: EmailConfig.Credentials,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(Problem) -> String {
    switch source {
    case .file(let url): return url.path
    case .systemd(let name):
      guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
        throw .noCredentialsDirectory(name: name)
      }
      return URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }
  }

  static func read(
    _ source: EmailConfig.Credentials,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(Problem) -> MailCredentials {
    let path = try path(of: source, environment: environment)
    // Opened first, then checked: the checks apply to the file actually read.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .unsafe(path: path, reason: "not a regular file")
    }
    guard info.st_uid == geteuid() else {
      throw .unsafe(
        path: path, reason: "owned by uid \(info.st_uid), not by this user (uid \(geteuid()))")
    }
    let mode = info.st_mode & 0o777
    guard mode & 0o077 == 0 else {
      throw .unsafe(
        path: path,
        reason: "mode \(String(format: "%04o", mode)) lets others read it; expected 0600 or 0400")
    }
    guard info.st_size <= maximumSize else {
      throw .unsafe(path: path, reason: "larger than \(maximumSize) bytes")
    }
    var bytes = [UInt8](repeating: 0, count: maximumSize + 1)
    var count = 0
    while count < bytes.count {
      let got = bytes.withUnsafeMutableBytes {
        Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count)
      }
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { break }
      count += got
    }
    let text = String(decoding: bytes[..<count], as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    guard lines.count >= 2, !lines[0].isEmpty, !lines[1].isEmpty,
      lines.dropFirst(2).allSatisfy(\.isEmpty),
      !text.contains("\0")
    else { throw .malformed(path: path) }
    return MailCredentials(username: lines[0], password: lines[1])
  }
}
