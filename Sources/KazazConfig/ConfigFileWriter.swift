import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Replaces a config file's contents atomically while keeping what the daemon needs to read it:
/// its mode, owner and group, and its place behind a symlink.
///
/// A config is typically `root:kazaz-operators` 0640 or 0644 under `/etc`, and an edit runs as
/// root with whatever umask the operator's shell has. A new file created with that umask and the
/// editor's own ids could leave a file the daemon's user can no longer open, and the failure
/// would only show at the next reload or start. So the replacement gets the original's mode by
/// `fchmod` (the umask never applies to it) and its owner and group by `fchown`; a user who may
/// not give the file those ids is refused before anything changes. A symlinked config (e.g.
/// into a configuration-management checkout) is edited at its target, in the target's folder, so
/// the link stays a link and the rename stays within one file system.
enum ConfigFileWriter {
  /// Writes `data` over the file at `path` (temporary file in the target's folder, fsync,
  /// rename, fsync of the folder).
  static func replace(_ path: String, with data: Data) throws(ConfigEditor.EditError) {
    let target = try resolve(path)
    var original = stat()
    guard stat(target, &original) == 0 else {
      throw ConfigEditor.EditError(description: "\(target): \(reason(errno))")
    }
    let directory = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    let temporary =
      "\(directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw ConfigEditor.EditError(description: "cannot create \(temporary): \(reason(errno))")
    }
    do throws(ConfigEditor.EditError) {
      try keepIdentity(of: original, on: descriptor, target: target)
      try writeAll(data, to: descriptor, target: target)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, target) == 0 else {
      let why = reason(errno)
      unlink(temporary)
      throw ConfigEditor.EditError(description: "cannot replace \(target): \(why)")
    }
    let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }

  /// The file `path` names, every symlink on the way resolved.
  static func resolve(_ path: String) throws(ConfigEditor.EditError) -> String {
    guard let resolved = realpath(path, nil) else {
      throw ConfigEditor.EditError(description: "\(path): \(reason(errno))")
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Gives the new file the original's owner, group and permission bits. Ownership first:
  /// `fchown` clears set-id bits, which `fchmod` then restores.
  private static func keepIdentity(
    of original: stat, on descriptor: Int32, target: String
  ) throws(ConfigEditor.EditError) {
    var created = stat()
    guard fstat(descriptor, &created) == 0 else {
      throw ConfigEditor.EditError(description: "\(target): fstat: \(reason(errno))")
    }
    if created.st_uid != original.st_uid || created.st_gid != original.st_gid {
      guard fchown(descriptor, original.st_uid, original.st_gid) == 0 else {
        let why = reason(errno)
        throw ConfigEditor.EditError(
          description:
            "cannot keep the owner and group of \(target) "
            + "(\(original.st_uid):\(original.st_gid)) on the edited file: \(why); the file is "
            + "unchanged. Edit it as its owner or as root, so the daemon can still read it.")
      }
    }
    guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
      throw ConfigEditor.EditError(
        description: "cannot keep the permissions of \(target): \(reason(errno))")
    }
  }

  private static func writeAll(
    _ data: Data, to descriptor: Int32, target: String
  ) throws(ConfigEditor.EditError) {
    let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
      guard let base = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let count = write(descriptor, base + offset, buffer.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += count
      }
      return nil
    }
    if let failure {
      throw ConfigEditor.EditError(description: "cannot write \(target): \(reason(failure))")
    }
    guard fsync(descriptor) == 0 else {
      throw ConfigEditor.EditError(description: "cannot write \(target): \(reason(errno))")
    }
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
