import Foundation
import KazazTesting
import Testing

/// The network directives of the shipped service units (`.ci/systemd-check` verifies them with
/// systemd itself; this checks they say what the daemon's own address rule relies on).
@Suite("Shipped systemd units")
struct ShippedUnitTests {
  @Test(
    "Both services deny link-local and multicast addresses",
    arguments: ["kazaz-monitor.service", "kazaz-monitor-once.service"])
  func addressDeny(unit: String) throws {
    let text = try String(
      contentsOf: ProjectPaths.root().appendingPathComponent("systemd/\(unit)"), encoding: .utf8)
    let denied = Set(
      text.split(separator: "\n").filter { $0.hasPrefix("IPAddressDeny=") }
        .flatMap { $0.dropFirst("IPAddressDeny=".count).split(separator: " ").map(String.init) })
    #expect(denied.isSuperset(of: ["169.254.0.0/16", "fe80::/10", "224.0.0.0/4", "ff00::/8"]))
    // Feeds are fetched from anywhere else: nothing may deny everything.
    #expect(!denied.contains("any"))
  }
}
