import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a file so that readers see either the old content or the new, never a part: the data
/// goes to a temporary file in the same folder, is flushed to disk, renamed over the target, and
/// the folder itself is flushed so the rename survives a power cut.
public enum AtomicFileWriter {
  public enum Failure: Error, CustomStringConvertible {
    case io(path: String, operation: String, errno: Int32)

    public var description: String {
      switch self {
      case .io(let path, let operation, let code):
        "cannot \(operation) \(path): \(String(cString: strerror(code)))"
      }
    }
  }

  public static func write(_ data: Data, to url: URL, permissions: mode_t = 0o640) throws {
    let directory = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
    guard descriptor >= 0 else {
      throw Failure.io(path: temporary.path, operation: "create", errno: errno)
    }
    var closed = false
    defer {
      if !closed { close(descriptor) }
    }
    do {
      try data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            throw Failure.io(path: temporary.path, operation: "write", errno: errno)
          }
          offset += written
        }
      }
      guard fsync(descriptor) == 0 else {
        throw Failure.io(path: temporary.path, operation: "flush", errno: errno)
      }
      closed = true
      guard close(descriptor) == 0 else {
        throw Failure.io(path: temporary.path, operation: "close", errno: errno)
      }
      guard rename(temporary.path, url.path) == 0 else {
        throw Failure.io(path: url.path, operation: "rename onto", errno: errno)
      }
    } catch {
      unlink(temporary.path)
      throw error
    }
    let directoryDescriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryDescriptor >= 0 {
      fsync(directoryDescriptor)
      close(directoryDescriptor)
    }
  }
}
