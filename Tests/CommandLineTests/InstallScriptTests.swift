import Foundation
import KazazTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `systemd/install.sh paths` under a DESTDIR: the drop-ins that let the sandboxed service write
/// a digest folder outside its state directory.
@Suite("install.sh writable paths")
struct InstallScriptTests {
  let root: TemporaryDirectory
  let digests = "/srv/kazaz-monitor-test-digests"

  init() throws {
    root = try TemporaryDirectory(prefix: "kazaz-install")
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let bin = root.path("usr/local/bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: bin.appendingPathComponent("kazaz-monitor"), withDestinationURL: binary)
    // Present already, so the script keeps it instead of creating it for a user this machine
    // may not have.
    try FileManager.default.createDirectory(
      at: root.path(String(digests.dropFirst())), withIntermediateDirectories: true)
  }

  func writeConfig(digestDirectory: String?) throws {
    var text = """
      state_dir: /var/lib/kazaz-monitor
      profile: \(ProjectPaths.profile.path)
      feeds: []

      """
    if let digestDirectory { text += "digest:\n  directory: \(digestDirectory)\n" }
    try root.write(text, to: "etc/kazaz-monitor/config.yaml")
  }

  func paths() throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      ProjectPaths.root().appendingPathComponent("systemd/install.sh").path, "paths",
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["DESTDIR"] = root.url.path
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  func dropIn(_ service: String) -> URL {
    root.path("etc/systemd/system/\(service).d/writable-paths.conf")
  }

  @Test(
    "a digest folder outside the state directory is made writable for both services, and only then",
    .enabled(if: getuid() == 0, "install.sh runs only as root"))
  func digestDirectoryDropIns() throws {
    try writeConfig(digestDirectory: digests)
    let first = try paths()
    #expect(first.status == 0, "\(first.output)")
    for service in ["kazaz-monitor.service", "kazaz-monitor-once.service"] {
      let text = try String(contentsOf: dropIn(service), encoding: .utf8)
      #expect(text.hasSuffix("[Service]\nReadWritePaths=\(digests)\n"), "\(text)")
      var info = stat()
      #expect(stat(dropIn(service).path, &info) == 0 && info.st_mode & 0o777 == 0o644)
    }
    try verifyUnits()

    // Back under the state directory: the grants go.
    try writeConfig(digestDirectory: nil)
    let second = try paths()
    #expect(second.status == 0, "\(second.output)")
    #expect(!FileManager.default.fileExists(atPath: dropIn("kazaz-monitor.service").path))
    #expect(!FileManager.default.fileExists(atPath: dropIn("kazaz-monitor-once.service").path))

    try writeConfig(digestDirectory: "/etc")
    let refused = try paths()
    #expect(refused.status != 0)
    #expect(refused.output.contains("refusing to make a system folder writable"))
    #expect(!FileManager.default.fileExists(atPath: dropIn("kazaz-monitor.service").path))
  }

  /// `systemd-analyze verify` on the shipped units with the drop-ins, when systemd is installed
  /// (CI installs it for its unit checks).
  func verifyUnits() throws {
    let analyze = "/usr/bin/systemd-analyze"
    guard FileManager.default.isExecutableFile(atPath: analyze) else { return }
    let units = root.path("units")
    try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
    let binary = root.path("usr/local/bin/kazaz-monitor").path
    var services: [String] = []
    for name in ["kazaz-monitor.service", "kazaz-monitor-once.service"] {
      let shipped = try String(
        contentsOf: ProjectPaths.root().appendingPathComponent("systemd/\(name)"), encoding: .utf8)
      try shipped.replacingOccurrences(of: "/usr/local/bin/kazaz-monitor", with: binary)
        .write(to: units.appendingPathComponent(name), atomically: true, encoding: .utf8)
      try FileManager.default.copyItem(
        at: dropIn(name).deletingLastPathComponent(),
        to: units.appendingPathComponent("\(name).d"))
      services.append(units.appendingPathComponent(name).path)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: analyze)
    process.arguments = ["verify"] + services
    var environment = ProcessInfo.processInfo.environment
    environment["SYSTEMD_UNIT_PATH"] = units.path + ":"
    process.environment = environment
    process.currentDirectoryURL = units
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(
      decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0 && output.isEmpty, "systemd-analyze verify: \(output)")
  }
}
