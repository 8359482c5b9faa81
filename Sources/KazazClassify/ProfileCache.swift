import Foundation
import KazazModel

/// Compiled profiles kept on disk between runs, so that a process classifying one article does
/// not parse the profile's YAML and build its automata first (most of what `classify FILE` cost).
///
/// One file per profile path, named by a hash of the path, holds the last compilation of that
/// profile. It is keyed by the SHA-256 of the profile file's content, the cache format version and
/// the running executable (its size and modification time: a rebuilt or upgraded program may
/// normalise or lay out tables differently, so it never trusts a file an older build wrote). The
/// file is input like any other: it is used only when its header, key and payload checksum match
/// and every table in it passes `CompiledProfile(decoding:)`; anything else is ignored and
/// replaced. (The checksum catches a damaged file; the table checks, not the checksum, are what
/// keep a deliberately forged one from being used.) Files are written to a temporary name beside
/// the cache file and renamed over it, so a reader sees a whole old file or a whole new one.
public struct ProfileCache: Sendable {
  /// Bump when the layout of `CompiledProfile.encoded()` or of the header changes.
  static let formatVersion: UInt32 = 6
  static let magic = Array("KZPROFC\n".utf8)
  /// Header: magic, format version, key (32), payload length (8), payload checksum (8).
  static let headerSize = 8 + 4 + 32 + 8 + 8
  /// A cache file larger than this is not read (the shipped profile compiles to about 1.4 MB).
  static let maximumSize = 64 << 20

  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// The per-user cache: `$XDG_CACHE_HOME/kazaz-monitor`, else `~/.cache/kazaz-monitor`; nil when
  /// neither variable is set to an absolute path.
  public static func forUser(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> ProfileCache? {
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
      return ProfileCache(
        directory: URL(fileURLWithPath: base).appendingPathComponent("kazaz-monitor"))
    }
    if let home = environment["HOME"], home.hasPrefix("/") {
      return ProfileCache(
        directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/kazaz-monitor"))
    }
    return nil
  }

  /// What a lookup did.
  public enum Outcome: Sendable, Equatable {
    /// The cache file matched and was used.
    case loaded
    /// The profile was compiled: there was no cache file, it was for other content or another
    /// build (`stale`), or it was not a sound cache file (`invalid`, with the reason). `stored`
    /// tells whether the new compilation was written back.
    case compiled(Miss, stored: Bool)
  }

  /// Why the cache file was not used (an `Error` only so that it can travel in a `Result`).
  public enum Miss: Error, Sendable, Equatable {
    case absent
    case stale
    case invalid(String)
  }

  /// The compiled form of the profile file at `path` whose content is `content`: read from the
  /// cache when it holds this content's compilation, else `parse`d, compiled and stored. Errors
  /// come from `parse` only; a cache that cannot be read or written is compiled around.
  public func compiledProfile<Failure: Error>(
    path: String, content: some Collection<UInt8>,
    parse: () throws(Failure) -> ClassifierProfile
  ) throws(Failure) -> (profile: CompiledProfile, outcome: Outcome) {
    let key = Self.key(for: content)
    let file = cacheFile(for: path)
    let miss: Miss
    switch Self.read(file, key: key) {
    case .success(let compiled): return (compiled, .loaded)
    case .failure(let reason): miss = reason
    }
    let compiled = CompiledProfile(try parse())
    let stored = write(compiled, key: key, to: file)
    return (compiled, .compiled(miss, stored: stored))
  }

  /// The cache file for a profile path (by a hash of its absolute, standardised form).
  func cacheFile(for path: String) -> URL {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    return directory.appendingPathComponent("profile-\(StableHash.hex(absolute)).bin")
  }

  /// The SHA-256 of the format version, this executable's identity and the profile's content.
  static func key(for content: some Collection<UInt8>) -> [UInt8] {
    var hash = SHA256()
    var version = formatVersion.littleEndian
    withUnsafeBytes(of: &version) { hash.update($0) }
    hash.update(Array(executableIdentity.utf8))
    hash.update(content)
    return hash.finish()
  }

  /// The running program's path, size and modification time, or "" where it cannot be known.
  static let executableIdentity: String = {
    #if os(Linux)
      var info = stat()
      if stat("/proc/self/exe", &info) == 0 {
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
      }
    #endif
    let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = attributes?[.size] as? Int ?? -1
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
    return "\(path) \(size) \(modified)"
  }()

  /// A 64-bit checksum of the payload, eight bytes at a time (a SHA-256 of the 1.4 MB payload
  /// would cost a process start several milliseconds for no gain over this against damage).
  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    bytes.withUnsafeBytes { raw in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
      var offset = 0
      while raw.count - offset >= 8 {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        hash = (hash ^ word) &* 0x0000_0100_0000_01B3
        hash ^= hash >> 29
        offset += 8
      }
      while offset < raw.count {
        hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
        offset += 1
      }
      return hash ^ hash >> 32
    }
  }

  // MARK: Reading and writing

  private static func read(_ file: URL, key: [UInt8]) -> Result<CompiledProfile, Miss> {
    guard let handle = try? FileHandle(forReadingFrom: file) else { return .failure(.absent) }
    defer { try? handle.close() }
    let data: Data
    do {
      // nil at the end of the file: an empty file.
      data = try handle.read(upToCount: maximumSize + 1) ?? Data()
    } catch {
      return .failure(.invalid("unreadable"))
    }
    guard data.count <= maximumSize else { return .failure(.invalid("too large")) }
    let bytes = [UInt8](data)
    var reader = BinaryReader(bytes)
    do {
      guard Array(try reader.readRaw(magic.count, "magic")) == magic else {
        return .failure(.invalid("not a profile cache file"))
      }
      guard try reader.readUInt32("format version") == formatVersion else {
        return .failure(.stale)
      }
      guard Array(try reader.readRaw(32, "key")) == key else { return .failure(.stale) }
      let length = try reader.readUInt64("payload length")
      let checksum = try reader.readUInt64("payload checksum")
      guard length == UInt64(reader.remaining) else {
        return .failure(.invalid("payload of \(reader.remaining) bytes, header says \(length)"))
      }
      guard Self.checksum(bytes[reader.offset...]) == checksum else {
        return .failure(.invalid("payload checksum mismatch"))
      }
      return .success(try CompiledProfile(decoding: bytes, from: reader.offset))
    } catch {
      return .failure(.invalid(error.description))
    }
  }

  /// Writes the compilation under a temporary name and renames it over `file`. Returns false
  /// when the directory or file cannot be written (the cache is then simply not used).
  private func write(_ compiled: CompiledProfile, key: [UInt8], to file: URL) -> Bool {
    let payload = compiled.encoded()
    var writer = BinaryWriter()
    writer.write(raw: Self.magic)
    writer.write(Self.formatVersion)
    writer.write(raw: key)
    writer.write(UInt64(payload.count))
    writer.write(Self.checksum(payload[...]))
    writer.write(raw: payload)
    let prefix = ".\(file.lastPathComponent)."
    let temporary = directory.appendingPathComponent(
      "\(prefix)\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      // A process killed while writing leaves its temporary file; the next writer removes it.
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for name in names where name.hasPrefix(prefix) {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
      }
      try Data(writer.bytes).write(to: temporary)
      guard rename(temporary.path, file.path) == 0 else {
        try? FileManager.default.removeItem(at: temporary)
        return false
      }
      return true
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      return false
    }
  }
}
