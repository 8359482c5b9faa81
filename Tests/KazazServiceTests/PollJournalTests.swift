import Foundation
import KazazTesting
import Testing

@testable import KazazService

/// The poll journal's file protocol: what a process leaves behind when it dies, and what the
/// next one makes of it. (The fault handler writing the culprit record is proved with the real
/// binary in `CrashQuarantineTests`.)
@Suite("Poll journal")
struct PollJournalTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  var folder: URL { directory.path(PollJournal.folderName) }

  /// A journal file as a process leaves it: header, culprit record, slots.
  func leave(_ name: String, culprit: Int64, slots: [Int64]) throws {
    var bytes = PollJournal.magic
    for value in [culprit] + slots {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    try directory.write(Data(bytes), to: "\(PollJournal.folderName)/\(name)")
  }

  @Test("A journal closed after its polls leaves nothing for the next process")
  func cleanEnd() throws {
    let (journal, first) = try PollJournal.open(stateDirectory: directory.url)
    #expect(first == PollJournal.Leftovers())
    let value = journal.processing(7) { 42 }
    #expect(value == 42)
    journal.close()
    let (next, leftovers) = try PollJournal.open(stateDirectory: directory.url)
    defer { next.close() }
    #expect(leftovers == PollJournal.Leftovers())
  }

  @Test("A mark lasts exactly as long as the work it covers, and slots are reused")
  func marksAreCleared() throws {
    let (journal, _) = try PollJournal.open(stateDirectory: directory.url)
    defer { journal.close() }
    func marked() throws -> PollJournal.Leftovers {
      PollJournal.parse(try Data(contentsOf: URL(fileURLWithPath: journal.path)))
    }
    try journal.processing(5) { () throws -> Void in
      #expect(try marked().killed == [5])
      try journal.processing(9) { () throws -> Void in #expect(try marked().killed == [5, 9]) }
      #expect(try marked().killed == [5])
    }
    #expect(try marked().killed.isEmpty)
    journal.processing(11) {}
    let size = try FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int
    // Header (16 bytes) and the two slots the nested marks needed: the third reused one.
    #expect(size == 32)
  }

  @Test("A recorded culprit is charged alone; an unattributed crash charges every marked feed")
  func crashRecords() throws {
    try leave("101", culprit: 3, slots: [3, 4, 0, 5])
    try leave("102", culprit: -1, slots: [6, 0, 7])
    try leave("103", culprit: 0, slots: [8])
    let (journal, leftovers) = try PollJournal.open(stateDirectory: directory.url)
    defer { journal.close() }
    #expect(leftovers.culprits == [3])
    #expect(leftovers.crashed == [6, 7])
    #expect(leftovers.killed == [8])
    #expect(leftovers.charged == [3, 6, 7])
    // Collected once: the dead processes' files are gone, only this process's remains.
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names == ["\(getpid())"])
  }

  @Test("A live process's journal is left alone; files that are not journals name nothing")
  func liveAndForeignFiles() throws {
    let (live, _) = try PollJournal.open(stateDirectory: directory.url)
    defer { live.close() }
    live.processing(12) {
      try? leave("garbage", culprit: 0, slots: [])
      _ = try? directory.write("not a journal at all", to: "\(PollJournal.folderName)/notes")
      // Another process of this store (here: a second journal, whose lock conflicts) starts.
      let leftovers = PollJournal.collectLeftovers(in: folder)
      #expect(leftovers.charged.isEmpty)
      #expect(leftovers.killed.isEmpty)
      #expect(FileManager.default.fileExists(atPath: live.path))
    }
  }
}
