import Foundation
import KazazControl
import KazazModel
import KazazStore
import KazazTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// An upgrade as an operator lives it: `systemd/install.sh` into a temporary prefix, the
/// operator's override edited, a newer release (its profile with a bumped version and one
/// changed entry) installed over it, and the installed binary started as the daemon. The binary
/// finds the shipped profile beside itself, the override still applies, and the stored items are
/// classified again with the new version in the background.
@Suite("Upgrading the shipped profile keeps the operator's override", .serialized)
struct ProfileUpgradeTests {
  let root: TemporaryDirectory
  let prefix: URL

  init() throws {
    try #require(
      DaemonProcess.binary != nil, "the kazaz-monitor executable was not found beside the tests")
    root = try TemporaryDirectory(prefix: "kazaz-upgrade")
    prefix = root.path("prefix")
  }

  var etc: URL { prefix.appendingPathComponent("etc/kazaz-monitor") }
  var installed: URL { prefix.appendingPathComponent("usr/local/bin/kazaz-monitor") }
  var config: URL { etc.appendingPathComponent("config.yaml") }
  var state: URL { root.path("state") }

  /// A release's install files (what install.sh reads), with `profile` as its shipped profile.
  func stageRelease(_ name: String, profile: String) throws -> URL {
    let release = root.path(name)
    let project = ProjectPaths.root()
    try FileManager.default.createDirectory(
      at: release.appendingPathComponent("config/profiles"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: project.appendingPathComponent("systemd"),
      to: release.appendingPathComponent("systemd"))
    for file in ["kazaz-monitor.example.yaml", "profile.override.example.yaml"] {
      try FileManager.default.copyItem(
        at: project.appendingPathComponent("config/\(file)"),
        to: release.appendingPathComponent("config/\(file)"))
    }
    try profile.write(
      to: release.appendingPathComponent("config/profiles/kazaz.yaml"), atomically: true,
      encoding: .utf8)
    return release
  }

  func install(_ release: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      release.appendingPathComponent("systemd/install.sh").path, "install", "--binary",
      try #require(DaemonProcess.binary).path,
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["DESTDIR"] = prefix.path
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "install.sh: \(output)")
    return output
  }

  /// Every stored item: its title, verdict, evidence terms and classification's profile version.
  func stored() throws -> [String: (relevant: Bool, terms: Set<String>, version: String?)] {
    let store = try Store.open(path: state.appendingPathComponent("kazaz-monitor.sqlite").path)
    let versions = Dictionary(
      uniqueKeysWithValues: try store.itemsToReclassify(version: "", all: true, limit: 100).map {
        ($0.id, $0.profileVersion)
      })
    let items = try store.items(firstSeenFrom: .distantPast, to: .distantFuture)
    return Dictionary(
      uniqueKeysWithValues: items.map { item in
        (
          item.title ?? "",
          (item.relevant, Set(item.evidence.map(\.term)), versions[item.id] ?? nil)
        )
      })
  }

  /// The version in a profile's `version: "…"` line.
  static func version(of profile: String) throws -> String {
    let line = try #require(profile.split(separator: "\n").first { $0.hasPrefix("version:") })
    return String(line.dropFirst("version:".count)).trimmingCharacters(
      in: CharacterSet(charactersIn: " \""))
  }

  @Test("install, override, run; install a newer profile; the daemon reclassifies with both")
  func upgrade() async throws {
    let shipped = try String(contentsOf: ProjectPaths.profile, encoding: .utf8)
    let oldVersion = try Self.version(of: shipped)
    let first = try install(try stageRelease("release-1", profile: shipped))
    #expect(first.contains("installed \(etc.path)/profile.override.yaml"), "\(first)")

    // The operator's setup: a config without `profile:`, feeds on disk, and an override that
    // adds the two sides' names of a made-up story, which only the override makes relevant.
    let feed = root.path("feed.rss")
    try """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0"><channel><title>Upgrade news</title><link>https://example.org/</link>
    <item><title>Kazakhstan and Azerbaijan sign a transit agreement</title><guid>a</guid>
    <description>Kazakhstan and Azerbaijan signed an agreement on transit of cargo across the \
    Caspian Sea. The presidents of Kazakhstan and Azerbaijan met in Astana and discussed trade \
    between the two countries.</description></item>
    <item><title>Zzkaz and Zzaze sign a ferry agreement</title><guid>b</guid>
    <description>Zzkaz and Zzaze signed an agreement on ferries. Zzkaz officials met their \
    Zzaze counterparts, and Zzkaz and Zzaze discussed trade.</description></item>
    </channel></rss>
    """.write(to: feed, atomically: true, encoding: .utf8)
    try """
    state_dir: \(state.path)
    log_level: info
    feeds:
      - url: file://\(feed.path)
        full_text: never
    """.write(to: config, atomically: true, encoding: .utf8)
    let override = etc.appendingPathComponent("profile.override.yaml")
    var overrideText = try String(contentsOf: override, encoding: .utf8)
    overrideText += """

      sides:
        kazakhstan:
          en: {"zzkaz": 1.3}
        azerbaijan:
          en: {"zzaze": 1.3}

      """
    try overrideText.write(to: override, atomically: true, encoding: .utf8)

    let environment = ["KAZAZ_SHARE_DIR": "", "KAZAZ_PROFILE": ""]
    let once = try await DaemonProcess.command(
      ["run", "--once", "--config", config.path], binary: installed, environment: environment)
    #expect(once.status == 0, "\(once.output)")
    let before = try stored()
    let firstVersion = try #require(before.values.first?.version)
    #expect(firstVersion.hasPrefix("\(oldVersion)+"), "\(before)")
    #expect(before.values.allSatisfy { $0.version == firstVersion && $0.relevant }, "\(before)")
    #expect(before["Zzkaz and Zzaze sign a ferry agreement"]?.terms.contains("zzkaz") == true)

    // The next release: its profile has a new version and one changed entry (the relevance
    // threshold, out of any story's reach), so every stored verdict changes.
    let newVersion = "\(oldVersion)-next"
    var newer = shipped.replacingOccurrences(
      of: "version: \"\(oldVersion)\"", with: "version: \"\(newVersion)\"")
    let relevance = try #require(
      newer.range(of: #"\n  relevance: [0-9.]+"#, options: .regularExpression))
    newer.replaceSubrange(relevance, with: "\n  relevance: 9999.0")
    let second = try install(try stageRelease("release-2", profile: newer))
    #expect(second.contains("kept your \(override.path)"), "\(second)")
    let show = try await DaemonProcess.command(
      ["profile", "show", "--config", config.path], binary: installed, environment: environment)
    let expectedVersion = newVersion + firstVersion.dropFirst(oldVersion.count)
    #expect(show.output.contains("effective version: \(expectedVersion)"), "\(show.output)")
    #expect(
      show.output.contains(
        "profile: \(prefix.path)/usr/local/share/kazaz-monitor/profiles/kazaz.yaml (shipped, "
          + "version \(newVersion))"), "\(show.output)")

    // The installed binary as the daemon: it reclassifies in the background and says so.
    let daemon = try DaemonProcess(
      arguments: ["run", "--config", config.path], environment: environment,
      logFile: root.path("daemon.log"), binary: installed)
    let client = ControlClient(path: state.appendingPathComponent("control.sock").path)
    var finished: ReclassificationStatus?
    let deadline = ContinuousClock.now + .seconds(120)
    while finished == nil, ContinuousClock.now < deadline, daemon.process.isRunning {
      if case .status(let status)? = try? await client.request(.status),
        let progress = status.reclassification, progress.finishedAt != nil
      {
        #expect(status.profileVersion == expectedVersion)
        finished = progress
      } else {
        try await Task.sleep(for: .milliseconds(100))
      }
    }
    let progress = try #require(finished, "no finished reclassification; log:\n\(daemon.log)")
    #expect(progress.total == 2 && progress.done == 2 && progress.changed == 2)
    #expect(progress.profileVersion == expectedVersion)
    daemon.signal(SIGTERM)
    #expect(await daemon.waitForExit() == 0, "daemon log:\n\(daemon.log)")
    #expect(daemon.log.contains("stored items classified again"), "\(daemon.log)")

    let after = try stored()
    #expect(after.count == 2)
    #expect(after.values.allSatisfy { $0.version == expectedVersion && !$0.relevant }, "\(after)")
    #expect(after["Zzkaz and Zzaze sign a ferry agreement"]?.terms.contains("zzkaz") == true)
  }
}
