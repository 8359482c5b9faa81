import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The few system calls of a `SOCK_STREAM` unix-domain socket at a filesystem path.
enum UnixSocket {
  /// Binds and listens at `path` with permissions `mode`. A stale socket file left by a daemon
  /// that died is replaced; a live one (something accepts connections) is an error, and so is
  /// anything at the path that is not a socket: a mistyped `control_socket` must not delete an
  /// operator's file.
  static func listen(path: String, mode: mode_t) throws(ControlError) -> Int32 {
    var existing = stat()
    if lstat(path, &existing) == 0 {
      guard existing.st_mode & S_IFMT == S_IFSOCK else {
        throw .notASocket(path: path, kind: kind(of: existing.st_mode))
      }
      if let probe = try? connect(path: path) {
        close(probe)
        throw .alreadyListening(path: path)
      }
      unlink(path)
    }
    let descriptor = try makeSocket()
    var (address, length) = try address(for: path)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    guard bound == 0 else { throw failure("bind", closing: descriptor) }
    // bind(2) applies the umask; set the intended mode explicitly (connecting needs write).
    guard chmod(path, mode) == 0 else { throw failure("chmod", closing: descriptor) }
    guard Glibc.listen(descriptor, 16) == 0 else { throw failure("listen", closing: descriptor) }
    return descriptor
  }

  /// Connects to the socket at `path`.
  static func connect(path: String) throws(ControlError) -> Int32 {
    let descriptor = try makeSocket()
    var (address, length) = try address(for: path)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, length)
      }
    }
    guard connected == 0 else {
      let code = errno
      close(descriptor)
      switch code {
      case ENOENT, ECONNREFUSED, ENOTDIR: throw .noDaemon(path: path)
      case EACCES, EPERM: throw .permissionDenied(path: path)
      default: throw .system(call: "connect", errno: code)
      }
    }
    return descriptor
  }

  /// Bounds every blocking read and write on `descriptor`.
  static func setTimeouts(_ descriptor: Int32, receive: Duration?, send: Duration?) {
    for (option, duration) in [(SO_RCVTIMEO, receive), (SO_SNDTIMEO, send)] {
      guard let duration else { continue }
      let (seconds, attoseconds) = duration.components
      var value = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
      setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }
  }

  /// What a file of this mode is, for messages.
  static func kind(of mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFREG: "a regular file"
    case S_IFDIR: "a directory"
    case S_IFLNK: "a symbolic link"
    case S_IFIFO: "a named pipe"
    case S_IFCHR, S_IFBLK: "a device"
    default: "not a socket"
    }
  }

  private static func makeSocket() throws(ControlError) -> Int32 {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { throw .system(call: "socket", errno: errno) }
    return descriptor
  }

  private static func address(for path: String) throws(ControlError) -> (sockaddr_un, socklen_t) {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    let capacity = MemoryLayout.size(ofValue: address.sun_path)
    guard !bytes.isEmpty, bytes.count < capacity else { throw .pathTooLong(path: path) }
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      buffer.copyBytes(from: bytes)
      buffer[bytes.count] = 0
    }
    let length = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + bytes.count + 1
    return (address, socklen_t(length))
  }

  private static func failure(_ call: String, closing descriptor: Int32) -> ControlError {
    let code = errno
    close(descriptor)
    return .system(call: call, errno: code)
  }
}
