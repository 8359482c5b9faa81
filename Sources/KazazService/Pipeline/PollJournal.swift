import CCrashMark
import Foundation
import Synchronization

/// Which feeds this process is processing right now, kept where the next process finds it if
/// this one dies: the evidence behind crash quarantine.
///
/// Swift traps cannot be caught, so a feed whose bytes make the process trap would be polled
/// first again after every restart and kill it again. Before the CPU stages of a poll (reading
/// the response, parsing, extracting article pages, classifying) the pipeline marks the feed
/// here; after them it clears the mark. Each polling process owns one file in
/// `polls-in-progress/` of the state directory, locked for its lifetime; marks are single
/// `pwrite`s into slots of that file (no fsync: the marks only need to outlive the process, not
/// the machine, and the page cache keeps them when a process dies).
///
/// A fault handler (see `CCrashMark`) also writes into the file's culprit record how the process
/// died: the feed the *faulting thread* was processing (a Swift trap, a bad access), or
/// "unattributed" (a fault elsewhere, or SIGABRT from the service manager's watchdog when a poll
/// wedged). When the next process opens its journal it reads every journal whose owner is gone:
/// a culprit alone is charged; after an unattributed fault every feed that was marked is; a
/// journal with no record belongs to a process that was killed (SIGKILL, an out-of-memory kill,
/// a power cut), which says nothing about its feeds, so they are reported and not charged.
/// `Store.recordInterruptedPolls` turns three charges in a row into a quarantine.
///
/// File layout: 8 bytes magic, 8 bytes culprit feed id (0: none), then 8-byte slots, each a feed
/// id or 0, all little-endian.
public final class PollJournal: Sendable {
  /// The journals' folder inside the state directory.
  public static let folderName = "polls-in-progress"
  static let magic: [UInt8] = Array("KZPOLLS1".utf8)
  static let culpritOffset: Int64 = 8
  static let firstSlotOffset: Int64 = 16

  private let descriptor: Int32
  public let path: String
  private let slots = Mutex(SlotAllocator())

  private struct SlotAllocator {
    var free: [Int64] = []
    var count: Int64 = 0

    mutating func take() -> Int64 {
      if let slot = free.popLast() { return slot }
      count += 1
      return count - 1
    }
  }

  /// What `open` found: the feeds that processes which ended without clearing their marks were
  /// processing. `culprits` were processed by a faulting thread; `crashed` were marked when the
  /// process died of a fault it could not attribute; `killed` were marked when it was killed.
  public struct Leftovers: Sendable, Equatable {
    public var culprits: Set<Int64> = []
    public var crashed: Set<Int64> = []
    public var killed: Set<Int64> = []

    public init(culprits: Set<Int64> = [], crashed: Set<Int64> = [], killed: Set<Int64> = []) {
      self.culprits = culprits
      self.crashed = crashed
      self.killed = killed
    }

    /// The feeds to charge with an interrupted poll.
    public var charged: Set<Int64> { culprits.union(crashed) }
  }

  private init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  deinit {
    Foundation.close(descriptor)
  }

  /// Collects the journals left by processes that are gone, then creates this process's journal
  /// and installs the fault handler that writes into it.
  public static func open(stateDirectory: URL) throws -> (PollJournal, Leftovers) {
    let folder = stateDirectory.appendingPathComponent(folderName)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let leftovers = collectLeftovers(in: folder)
    let path = folder.appendingPathComponent("\(getpid())").path
    // A file of this name left by a dead process that had our pid was collected above.
    unlink(path)
    let fd = Foundation.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
    guard fd >= 0 else { throw JournalError.cannotCreate(path: path, errno: errno) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let code = errno
      Foundation.close(fd)
      throw JournalError.cannotCreate(path: path, errno: code)
    }
    var header = magic + [UInt8](repeating: 0, count: 8)
    guard pwrite(fd, &header, header.count, 0) == header.count else {
      let code = errno
      Foundation.close(fd)
      unlink(path)
      throw JournalError.cannotCreate(path: path, errno: code)
    }
    kazaz_crash_mark_install(fd, culpritOffset)
    return (PollJournal(descriptor: fd, path: path), leftovers)
  }

  /// Runs `body` with `feedID` marked as being processed by this thread. `body` must not
  /// suspend: the fault handler reads the mark of the thread that faults.
  public func processing<T, E: Error>(_ feedID: Int64, _ body: () throws(E) -> T) throws(E) -> T {
    let slot = slots.withLock { $0.take() }
    write(feedID, at: Self.firstSlotOffset + slot * 8)
    kazaz_crash_mark_set(feedID)
    defer {
      kazaz_crash_mark_set(0)
      write(0, at: Self.firstSlotOffset + slot * 8)
      slots.withLock { $0.free.append(slot) }
    }
    return try body()
  }

  /// Removes this process's journal: it ended with nothing in progress. (The descriptor stays
  /// open until the journal is released, so a late mark writes into the unlinked file, never
  /// into a file that reused the descriptor number.)
  public func close() {
    unlink(path)
  }

  private func write(_ value: Int64, at offset: Int64) {
    var bytes = value.littleEndian
    // A failed write (a full disk) loses only the evidence of a crash that may never happen.
    _ = withUnsafeBytes(of: &bytes) { pwrite(descriptor, $0.baseAddress, 8, off_t(offset)) }
  }

  /// Reads and deletes every journal in `folder` whose owner is gone (its lock can be taken).
  static func collectLeftovers(in folder: URL) -> Leftovers {
    var leftovers = Leftovers()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names {
      let path = folder.appendingPathComponent(name).path
      let fd = Foundation.open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
      guard fd >= 0 else { continue }
      defer { Foundation.close(fd) }
      // Locked: a live process (a daemon beside `run --once`) owns it.
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
      // Unlinked meanwhile: another new process collected it first.
      var info = stat()
      guard fstat(fd, &info) == 0, info.st_nlink > 0, (info.st_mode & S_IFMT) == S_IFREG else {
        continue
      }
      let contents = FileManager.default.contents(atPath: path) ?? Data()
      unlink(path)
      let found = parse(contents)
      leftovers.culprits.formUnion(found.culprits)
      leftovers.crashed.formUnion(found.crashed)
      leftovers.killed.formUnion(found.killed)
    }
    return leftovers
  }

  /// The feeds one journal file names; a file that is not a journal names none.
  static func parse(_ contents: Data) -> Leftovers {
    let bytes = [UInt8](contents)
    guard bytes.count >= Int(firstSlotOffset), Array(bytes[0..<8]) == magic else {
      return Leftovers()
    }
    func value(at offset: Int) -> Int64 {
      var raw: UInt64 = 0
      for index in 0..<8 { raw |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
      return Int64(bitPattern: raw)
    }
    let culprit = value(at: Int(culpritOffset))
    if culprit > 0 { return Leftovers(culprits: [culprit]) }
    var marked = Set<Int64>()
    var offset = Int(firstSlotOffset)
    while offset + 8 <= bytes.count {
      let feed = value(at: offset)
      if feed > 0 { marked.insert(feed) }
      offset += 8
    }
    return culprit == KAZAZ_CRASH_UNATTRIBUTED
      ? Leftovers(crashed: marked) : Leftovers(killed: marked)
  }
}

public enum JournalError: Error, CustomStringConvertible {
  case cannotCreate(path: String, errno: Int32)

  public var description: String {
    switch self {
    case .cannotCreate(let path, let code):
      "cannot create the poll journal \(path): \(String(cString: strerror(code)))"
    }
  }
}

/// The journal marks of one feed's poll: what the pipeline stages run their CPU work inside.
public struct ProcessingMark: Sendable {
  let journal: PollJournal?
  let feedID: Int64

  /// Marks nothing: processes without a journal (`feeds test`, tests of single stages).
  public static let none = ProcessingMark(journal: nil, feedID: 0)

  public init(journal: PollJournal?, feedID: Int64) {
    self.journal = journal
    self.feedID = feedID
  }

  /// Runs `body` (which must not suspend) with the feed marked as being processed.
  public func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    guard let journal else { return try body() }
    return try journal.processing(feedID, body)
  }
}
