import Foundation
import KazazTesting
import Testing

@testable import KazazService

#if canImport(Glibc)
  import Glibc
#endif

/// The `on_digest` runner with real child processes: what the command inherits, and that a
/// timeout stops everything it started.
@Suite("on_digest command")
struct DeliveryCommandTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  func read(_ name: String) throws -> [String] {
    try String(contentsOf: directory.path(name), encoding: .utf8)
      .split(separator: "\n").map(String.init)
  }

  @Test("the command sees only PATH, LANG, TZ and KAZAZ_*, descriptors 0–2, its own group")
  func minimalInheritance() async throws {
    // Open without close-on-exec, as a careless library might: it must not reach the command.
    let leaked = open("/dev/null", O_RDONLY)
    defer { close(leaked) }
    #expect(leaked > 2)
    // /proc/$$/environ is what the shell was started with (a shell adds PWD of its own), and
    // /proc/$$/fd its own descriptors (ls's would include the folder it reads). Output goes by
    // `exec >`: a redirection on a command would have the shell keep a copy of its standard
    // output on a descriptor of its own while the command runs.
    let script = """
      exec > "$1/descriptors"
      ls /proc/$$/fd
      exec > "$1/environment"
      tr '\\0' '\\n' < /proc/$$/environ
      exec > "$1/group"
      cut -d ' ' -f 1,5 /proc/$$/stat
      """
    let failure = await DeliveryCommand(
      arguments: ["/bin/sh", "-c", script, "deliver", directory.url.path], timeout: .seconds(60)
    ).run(paths: [], day: "2026-11-25", directory: "/srv/digests")
    #expect(failure == nil)
    let names = Set(try read("environment").compactMap { $0.split(separator: "=").first })
    #expect(
      names.isSubset(of: ["PATH", "LANG", "TZ", "KAZAZ_DIGEST_DAY", "KAZAZ_DIGEST_DIRECTORY"]))
    #expect(names.isSuperset(of: ["PATH", "LANG", "KAZAZ_DIGEST_DAY", "KAZAZ_DIGEST_DIRECTORY"]))
    #expect(try read("environment").contains("KAZAZ_DIGEST_DAY=2026-11-25"))
    #expect(try read("environment").contains("KAZAZ_DIGEST_DIRECTORY=/srv/digests"))
    let descriptors = try read("descriptors")
    #expect(descriptors == ["0", "1", "2"])
    let ids = try read("group").first?.split(separator: " ").map(String.init) ?? []
    #expect(ids.count == 2 && ids.first == ids.last, "pid and process group: \(ids)")
  }

  @Test(
    "on timeout the whole group is stopped: a background child that ignores SIGTERM dies too",
    .timeLimit(.minutes(1)))
  func timeoutKillsGroup() async throws {
    let pidFile = directory.path("grandchild.pid")
    let script = """
      trap '' TERM
      sleep 100000 &
      echo $! > "$1"
      while :; do sleep 1; done
      """
    let command = DeliveryCommand(
      arguments: ["/bin/sh", "-c", script, "deliver", pidFile.path], timeout: .seconds(2),
      killGrace: .milliseconds(300))
    let failure = await command.run(paths: [])
    #expect(failure?.contains("timed out after") == true)
    let recorded = try String(contentsOf: pidFile, encoding: .utf8)
    let grandchild = try #require(
      pid_t(recorded.trimmingCharacters(in: .whitespacesAndNewlines)),
      "the script did not record its background child")
    #expect(isGone(grandchild), "the background child \(grandchild) still runs")
  }

  /// No such process, or only its zombie: its reaping belongs to whoever adopted it.
  func isGone(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 && errno == ESRCH { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      return true
    }
    return ProcessGroupChild.parseStat(stat)?.state == "Z"
  }

  @Test("/proc stat lines are read after the last parenthesis of the command name")
  func statParsing() {
    let line = "4242 (odd) name) (x) S 1 4240 4240 0 -1 4194560"
    #expect(ProcessGroupChild.parseStat(line)?.state == "S")
    #expect(ProcessGroupChild.parseStat(line)?.group == 4240)
    #expect(ProcessGroupChild.parseStat("garbage") == nil)
    #expect(ProcessGroupChild.parseStat("1 (x) R") == nil)
  }
}
