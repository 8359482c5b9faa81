import Foundation

/// Test builds only: makes the process trap while processing a feed whose body contains the
/// bytes of the environment variable `KAZAZ_FAULT_TRAP_ON`, as a hostile feed that hits a bug
/// would. The crash-quarantine tests drive the real binary with it. Release builds (what
/// `systemd/install.sh` installs) compile it to nothing.
enum FaultInjection {
  #if DEBUG
    private static let marker: Data? = ProcessInfo.processInfo.environment["KAZAZ_FAULT_TRAP_ON"]
      .flatMap { $0.isEmpty ? nil : Data($0.utf8) }

    static func trapIfRequested(by body: Data) {
      guard let marker, body.range(of: marker) != nil else { return }
      fatalError("fault injection: the feed's body contains KAZAZ_FAULT_TRAP_ON")
    }
  #else
    @inline(__always) static func trapIfRequested(by body: Data) {}
  #endif
}
