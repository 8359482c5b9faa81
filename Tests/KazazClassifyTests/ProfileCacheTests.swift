import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// The compiled-profile cache: what it stores classifies exactly as a fresh compilation, a changed
/// profile is compiled again, and a damaged or forged file is ignored and replaced.
@Suite("Compiled-profile cache")
struct ProfileCacheTests {
  static let texts = [
    (
      "Kazakhstan and Azerbaijan agree to raise trade turnover",
      "ASTANA. President Tokayev held talks with Ilham Aliyev. SOCAR and KazMunayGas signed a deal."
    ),
    (
      "Казахстан и Азербайджан",
      "Министры энергетики Казахстана и Азербайджана обсудили транзит нефти."
    ),
    ("Qazaqstan men Ázirbaıjan kólik dálizin damytady", "Eki el jańa kelisimge qol qoıdy."),
    ("", "Azərbaycan və Qazaxıstan prezidentləri Bakıda görüşüb."),
  ]

  let shipped = ShippedProfile.classifier

  /// A small profile file in a temporary directory and a cache beside it (the file-level tests
  /// compile it many times).
  struct Setup {
    let folder: TemporaryDirectory
    let profilePath: String
    let cache: ProfileCache

    init() throws {
      folder = try TemporaryDirectory()
      profilePath = folder.url.appendingPathComponent("profile.yaml").path
      cache = ProfileCache(directory: folder.url.appendingPathComponent("cache"))
      try ClassifierTests.profileText.write(toFile: profilePath, atomically: true, encoding: .utf8)
    }

    func lookup() throws -> (profile: CompiledProfile, outcome: ProfileCache.Outcome) {
      let content = try Data(contentsOf: URL(fileURLWithPath: profilePath))
      return try cache.compiledProfile(path: profilePath, content: content) {
        () throws(ConfigError) -> ClassifierProfile in
        try ProfileLoader.parse(String(decoding: content, as: UTF8.self), displayName: profilePath)
      }
    }

    var file: URL { cache.cacheFile(for: profilePath) }
  }

  @Test("Encoding and decoding give the same profile, tables and classifications")
  func roundTrip() throws {
    let fresh = try shipped.get().compiled
    let decoded = try CompiledProfile(decoding: fresh.encoded())
    #expect(decoded.profile == fresh.profile)
    #expect(decoded.matcher.nodes == fresh.matcher.nodes)
    #expect(decoded.matcher.rows == fresh.matcher.rows)
    #expect(decoded.kazakhLatinMatcher.nodes == fresh.kazakhLatinMatcher.nodes)
    #expect(decoded.displayPatterns == fresh.displayPatterns)
    #expect(decoded.termRanks == fresh.termRanks)
    #expect(decoded.entities == fresh.entities)
    #expect(decoded.topics == fresh.topics)
    #expect(decoded.roles.map { $0.map(\.slot) } == fresh.roles.map { $0.map(\.slot) })
    #expect(decoded.roles.map { $0.map(\.weight) } == fresh.roles.map { $0.map(\.weight) })
    #expect(decoded.encoded() == fresh.encoded())
    let original = Classifier(compiled: fresh)
    let restored = Classifier(compiled: decoded)
    for (title, body) in Self.texts {
      #expect(
        restored.classify(title: title, body: body) == original.classify(title: title, body: body))
    }
  }

  @Test("SHA-256 gives the published digests")
  func digests() {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
    #expect(
      hex(SHA256.digest([UInt8]()))
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      hex(SHA256.digest(Array("abc".utf8)))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(
      hex(SHA256.digest(long))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    var pieces = SHA256()
    pieces.update(long[0..<7])
    pieces.update(long[7...])
    #expect(pieces.finish() == SHA256.digest(long))
    #expect(
      hex(SHA256.digest([UInt8](repeating: 0x61, count: 1_000_000)))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("The first lookup compiles and stores; the next loads the same compilation")
  func storesThenLoads() throws {
    let setup = try Setup()
    let first = try setup.lookup()
    #expect(first.outcome == .compiled(.absent, stored: true))
    #expect(FileManager.default.fileExists(atPath: setup.file.path))
    let second = try setup.lookup()
    #expect(second.outcome == .loaded)
    #expect(second.profile.encoded() == first.profile.encoded())
    // No temporary file is left beside the cache file, and one a killed writer left is removed
    // by the next writer.
    var names = try FileManager.default.contentsOfDirectory(atPath: setup.cache.directory.path)
    #expect(names == [setup.file.lastPathComponent])
    let leftover = setup.cache.directory.appendingPathComponent(
      ".\(setup.file.lastPathComponent).12345.678")
    try Data("half a file".utf8).write(to: leftover)
    try Data("damaged".utf8).write(to: setup.file)
    #expect(
      try setup.lookup().outcome
        == .compiled(.invalid("magic: the file ends 7 bytes in"), stored: true))
    names = try FileManager.default.contentsOfDirectory(atPath: setup.cache.directory.path)
    #expect(names == [setup.file.lastPathComponent])
  }

  @Test("A changed profile is compiled again and replaces the cache file")
  func changedProfile() throws {
    let setup = try Setup()
    _ = try setup.lookup()
    var text = try String(contentsOfFile: setup.profilePath, encoding: .utf8)
    text = text.replacingOccurrences(of: "version: \"test-1\"", with: "version: \"test-2\"")
    try text.write(toFile: setup.profilePath, atomically: true, encoding: .utf8)
    let changed = try setup.lookup()
    #expect(changed.outcome == .compiled(.stale, stored: true))
    #expect(changed.profile.profile.version == "test-2")
    let again = try setup.lookup()
    #expect(again.outcome == .loaded)
    #expect(again.profile.profile.version == "test-2")
  }

  @Test("A cache file that is cut short, padded, foreign or altered is ignored and replaced")
  func damagedFiles() throws {
    let setup = try Setup()
    let reference = try setup.lookup().profile
    let good = try Data(contentsOf: setup.file)
    var flipped = good
    flipped[flipped.count / 2] ^= 0x40
    let damaged: [(Data, String)] = [
      (good.prefix(good.count - 1), "payload of"),
      (good + Data([0]), "payload of"),
      (good.prefix(10), "ends"),
      (Data(), "ends"),
      (Data("not a cache file at all, just text".utf8), "not a profile cache file"),
      (flipped, "checksum"),
    ]
    for (bytes, reason) in damaged {
      try bytes.write(to: setup.file)
      let result = try setup.lookup()
      guard case .compiled(.invalid(let message), stored: true) = result.outcome else {
        Issue.record("\(reason): \(result.outcome)")
        continue
      }
      #expect(message.contains(reason), "\(message)")
      #expect(result.profile.encoded() == reference.encoded())
      #expect(try Data(contentsOf: setup.file) == good, "rewritten whole")
    }
  }

  /// The cache file with its payload replaced and its checksum made to match, as only a
  /// deliberate forger (or a bug) would write it.
  static func forged(_ file: Data, payload: [UInt8]) -> Data {
    var bytes = [UInt8](file.prefix(ProfileCache.headerSize - 16))
    var writer = BinaryWriter()
    writer.write(UInt64(payload.count))
    writer.write(ProfileCache.checksum(payload[...]))
    bytes += writer.bytes + payload
    return Data(bytes)
  }

  @Test("Forged tables with a matching checksum are refused, never used")
  func forgedTables() throws {
    let setup = try Setup()
    let reference = try setup.lookup().profile
    let good = try Data(contentsOf: setup.file)
    let payload = reference.encoded()
    // Find the first matcher's state table: after the profile, its 256 byte classes and count.
    var probe = BinaryWriter()
    reference.matcher.encode(into: &probe)
    let matcherBytes = probe.bytes
    let start = try #require(
      (0...(payload.count - matcherBytes.count)).first { offset in
        payload[offset..<(offset + 64)].elementsEqual(matcherBytes[0..<64])
          && payload[offset..<(offset + matcherBytes.count)].elementsEqual(matcherBytes)
      })
    let nodes = start + 256 + 4 + 4  // classes, class count, state count
    func word(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    let forgeries: [(String, [UInt8])] = [
      // The root's failure link pointing at a later state: a loop the scan would never leave.
      ("failure", Array(payload[..<(nodes + 4)]) + word(4) + Array(payload[(nodes + 8)...])),
      // The root's outputs far past the output table.
      (
        "outputs",
        Array(payload[..<(nodes + 8)]) + word(0x7FFF_FFF0) + Array(payload[(nodes + 12)...])
      ),
      // The root's row far past the row table.
      (
        "row", Array(payload[..<(nodes + 12)]) + word(0x00FF_FFFF) + Array(payload[(nodes + 16)...])
      ),
      // A byte class beyond the class count.
      ("byte classes", Array(payload[..<start]) + [0xFF] + Array(payload[(start + 1)...])),
    ]
    for (reason, forgedPayload) in forgeries {
      #expect(throws: BinaryReader.Failure.self, "\(reason)") {
        try CompiledProfile(decoding: forgedPayload)
      }
      try Self.forged(good, payload: forgedPayload).write(to: setup.file)
      let result = try setup.lookup()
      guard case .compiled(.invalid(let message), stored: true) = result.outcome else {
        Issue.record("\(reason): \(result.outcome)")
        continue
      }
      #expect(message.contains(reason), "\(message)")
    }
  }

  @Test("Random damage to the tables, with the checksum made to match, never traps the reader")
  func randomDamage() throws {
    let payload = try shipped.get().compiled.encoded()
    var generator = SplitMix(seed: 7)
    var refused = 0
    for _ in 0..<40 {
      var bytes = payload
      for _ in 0..<4 {
        let index = Int(generator.next() % UInt64(bytes.count))
        bytes[index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
      }
      if let decoded = try? CompiledProfile(decoding: bytes) {
        // Damage the checks let through (a weight, a display form) is data, not structure.
        for (title, body) in Self.texts {
          _ = Classifier(compiled: decoded).classify(title: title, body: body)
        }
      } else {
        refused += 1
      }
    }
    #expect(refused > 0)
  }

  @Test("A cache that cannot be written is compiled around")
  func unwritable() throws {
    let folder = try TemporaryDirectory()
    let blocker = folder.url.appendingPathComponent("not-a-directory")
    try Data("x".utf8).write(to: blocker)
    let cache = ProfileCache(directory: blocker)
    let content = try Data(contentsOf: ProjectPaths.profile)
    let result = try cache.compiledProfile(path: ProjectPaths.profile.path, content: content) {
      () throws(ConfigError) -> ClassifierProfile in
      try ProfileLoader.load(path: ProjectPaths.profile.path)
    }
    #expect(result.outcome == .compiled(.absent, stored: false))
    #expect(result.profile.profile.version == (try shipped.get().profile.version))
  }

  /// Runs the built `kazaz-monitor` with `XDG_CACHE_HOME` set.
  func run(_ arguments: [String], cacheHome: URL) throws -> (status: Int32, output: String) {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging([
      "XDG_CACHE_HOME": cacheHome.path
    ]) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self))
  }

  @Test("classify keeps the compiled profile in the user's cache and prints the same")
  func commands() throws {
    let folder = try TemporaryDirectory()
    let article = try folder.write(
      "Kazakhstan and Azerbaijan sign a transit deal\nASTANA. Tokayev and Aliyev met in Baku.\n",
      to: "article.txt")
    let profile = ProjectPaths.profile.path
    let arguments = ["classify", "--json", "--profile", profile, article.path]
    let cacheHome = folder.path("cache")
    let cacheFolder = cacheHome.appendingPathComponent("kazaz-monitor")
    let fresh = try run(arguments + ["--no-profile-cache"], cacheHome: cacheHome)
    #expect(fresh.status == 0)
    #expect(fresh.output.contains("\"relevant\":true"))
    #expect(!FileManager.default.fileExists(atPath: cacheFolder.path))
    let first = try run(arguments, cacheHome: cacheHome)
    let files = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)
    #expect(files.count == 1)
    let second = try run(arguments, cacheHome: cacheHome)
    #expect(first.output == fresh.output)
    #expect(second.output == fresh.output)
    // A damaged cache file is ignored and replaced; the output does not change.
    let file = cacheFolder.appendingPathComponent(try #require(files.first))
    try Data("damaged".utf8).write(to: file)
    #expect(try run(arguments, cacheHome: cacheHome).output == fresh.output)
    #expect(try Data(contentsOf: file).count > 1_000)
  }

  @Test("The per-user cache follows XDG_CACHE_HOME, then HOME")
  func userDirectory() {
    #expect(
      ProfileCache.forUser(environment: ["XDG_CACHE_HOME": "/var/cache/u", "HOME": "/home/u"])?
        .directory.path == "/var/cache/u/kazaz-monitor")
    #expect(
      ProfileCache.forUser(environment: ["HOME": "/home/u"])?.directory.path
        == "/home/u/.cache/kazaz-monitor")
    #expect(ProfileCache.forUser(environment: ["XDG_CACHE_HOME": "relative"])?.directory == nil)
  }
}
