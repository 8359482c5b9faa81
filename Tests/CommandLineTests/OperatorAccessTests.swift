import Foundation
import KazazConfig
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// An operator in the service's group may read the state directory but not write it: the query
/// commands open the store read-only, with and without a daemon holding it open. Run as the
/// unprivileged `nobody` (group `nogroup` owns the state), so these need root to set up.
@Suite("Operators read the store without writing it")
struct OperatorAccessTests {
  static let canSwitchUser =
    getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    && getpwnam("nobody") != nil && getgrnam("nogroup") != nil

  let directory: TemporaryDirectory
  let config: URL
  let binary: URL
  let state: URL

  init() throws {
    directory = try TemporaryDirectory()
    state = directory.path("state")
    // Everything the operator reads: the binary, the config and its profile, the state.
    let built = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    binary = directory.path("kazaz-monitor")
    try FileManager.default.copyItem(at: built, to: binary)
    try FileManager.default.copyItem(
      at: ProjectPaths.profile, to: directory.path("kazaz.yaml"))
    config = try directory.write(
      """
      state_dir: \(state.path)
      profile: kazaz.yaml
      log_level: error
      feeds: []

      """, to: "config.yaml")
    chmod(directory.url.path, 0o755)
  }

  /// Stores two articles as the service would, then hands the state to root:nogroup, 0750/0640.
  func makeStore() throws -> Monitor {
    let monitor = try Monitor.open(
      config: try ConfigLoader.load(path: config.path), logger: Logger(label: "test"))
    _ = try monitor.ingest(articles: [
      (
        "/srv/a.txt",
        "Kazakhstan and Azerbaijan open a ferry line from Aktau to Alat\n"
          + "ASTANA. Kazakhstan and Azerbaijan launched a container ferry line between the "
          + "ports of Aktau and Alat on Tuesday, the two governments said."
      ),
      ("/srv/b.txt", "Weather in Almaty\nSunny and warm in Almaty on Tuesday."),
    ])
    let group = getgrnam("nogroup")!.pointee.gr_gid
    for name in try FileManager.default.contentsOfDirectory(atPath: state.path) {
      let path = state.appendingPathComponent(name).path
      chown(path, 0, group)
      chmod(path, 0o640)
    }
    chown(state.path, 0, group)
    chmod(state.path, 0o750)
    return monitor
  }

  /// Runs the binary as nobody:nogroup; returns its exit status and output.
  func runAsOperator(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    process.arguments =
      ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary.path]
      + arguments + ["--config", config.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  @Test(
    "search and status work for an operator while the daemon holds the store open",
    .enabled(if: Self.canSwitchUser, "needs root and setpriv to act as an unprivileged operator"))
  func whileOpen() async throws {
    let monitor = try makeStore()
    defer { monitor.shutdown() }
    // The writer keeps its WAL index: readers use it.
    #expect(FileManager.default.fileExists(atPath: state.path + "/kazaz-monitor.sqlite-wal"))
    let search = try runAsOperator(["search", "ferry"])
    #expect(search.status == 0, "\(search.output)")
    #expect(search.output.contains("open a ferry line from Aktau to Alat"))
    let status = try runAsOperator(["status"])
    #expect(status.output.contains("items: 2, relevant: 1"), "\(status.output)")
    // A writing command is refused, and says why.
    let ingest = try runAsOperator(["ingest", config.path])
    #expect(ingest.status != 0)
    #expect(ingest.output.contains("this user may read it but not write it"), "\(ingest.output)")
  }

  @Test(
    "search works for an operator when no process has the store open",
    .enabled(if: Self.canSwitchUser, "needs root and setpriv to act as an unprivileged operator"))
  func whenClosed() async throws {
    do {
      let monitor = try makeStore()
      monitor.shutdown()
    }
    // Closing the last connection checkpoints and removes the WAL and its index, which the
    // operator cannot create again: the store is read as immutable.
    #expect(!FileManager.default.fileExists(atPath: state.path + "/kazaz-monitor.sqlite-wal"))
    let search = try runAsOperator(["search", "--relevant", "aktau"])
    #expect(search.status == 0, "\(search.output)")
    #expect(search.output.contains("open a ferry line from Aktau to Alat"))
    #expect(!search.output.contains("Weather"))
  }

  @Test("A read-only store refuses writes and names what is missing")
  func readOnlyStore() throws {
    let missing = directory.path("none.sqlite").path
    #expect(throws: StoreError.self) { try Store.openReadOnly(path: missing) }
    do {
      _ = try Store.openReadOnly(path: missing)
    } catch {
      #expect("\(error)".contains("no store yet"))
    }
    let path = directory.path("ro.sqlite").path
    let writer = try Store.open(path: path)
    let feeds = try writer.registerFeeds(urls: ["http://127.0.0.1:9/a.xml"])
    let reader = try Store.openReadOnly(path: path)
    #expect(try reader.feeds().map(\.id) == feeds.map(\.id))
    #expect(throws: (any Error).self) { try reader.registerFeeds(urls: ["http://127.0.0.1:9/b"]) }
    #expect(try writer.feeds().count == 1)
  }
}
