// Store benchmark: builds a store of N generated items (default 1,000,000) through the same
// commit path the daemon uses, then measures the queries users wait for.
//
//   swift run -c release kazaz-store-bench [--items N] [--batch B] [--dir DIR]
//
// Reports: insert throughput (items/s, batched as feed polls of B items), the query behind one
// day's digest, full-text searches, and the database size per item.
import Foundation
import KazazClassify
import KazazModel
import KazazStore

struct Options {
  var items = 1_000_000
  var batch = 500
  /// For finding where insert time goes: leave out search text or fingerprints.
  var withSearch = true
  var withFingerprints = true
  var directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kazaz-store-bench-\(getpid())")

  init() {
    var arguments = CommandLine.arguments.dropFirst()[...]
    while let flag = arguments.popFirst() {
      let value = arguments.popFirst() ?? ""
      switch flag {
      case "--items": items = Int(value) ?? items
      case "--batch": batch = Int(value) ?? batch
      case "--dir": directory = URL(fileURLWithPath: value)
      case "--search": withSearch = value != "off"
      case "--fingerprints": withFingerprints = value != "off"
      default: fatalError("unknown option \(flag)")
      }
    }
  }
}

/// Deterministic text: headlines and bodies from English, Russian and Kazakh news vocabulary.
struct TextGenerator {
  var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  static let words =
    ("kazakhstan azerbaijan astana baku trade transit oil gas corridor caspian port aktau alat "
    + "president talks visit agreement investment fund railway ferry container grain wheat "
    + "energy pipeline digital fibre culture university youth minister cooperation council "
    + "казахстан азербайджан астана баку товарооборот транзит нефть газ коридор каспий порт "
    + "актау президент переговоры визит соглашение инвестиции фонд железная дорога паром "
    + "зерно энергетика культура университет молодежь министр сотрудничество совет погода "
    + "қазақстан әзірбайжан ынтымақтастық сауда көлік мұнай өнім кездесу").split(separator: " ")
    .map(String.init)

  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }

  mutating func sentence(_ count: Int) -> String {
    (0..<count).map { _ in Self.words[Int(next() % UInt64(Self.words.count))] }
      .joined(separator: " ")
  }
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let options = Options()
try? FileManager.default.removeItem(at: options.directory)
try FileManager.default.createDirectory(at: options.directory, withIntermediateDirectories: true)
let path = options.directory.appendingPathComponent("bench.sqlite").path
let store = try Store.open(path: path)
let feeds = try store.registerFeeds(urls: (0..<1000).map { "https://feeds.example/\($0).xml" })
let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
let span: TimeInterval = 365 * 86_400
var generator = TextGenerator()
let topics = TopicID.all

print("building a store of \(options.items) items in batches of \(options.batch) …")
var insertTime: Duration = .zero
var inserted = 0
var batchIndex = 0
while inserted < options.items {
  let count = min(options.batch, options.items - inserted)
  let checkedAt = start.addingTimeInterval(span * Double(inserted) / Double(options.items))
  var items: [IncomingItem] = []
  items.reserveCapacity(count)
  for offset in 0..<count {
    let id = inserted + offset
    let title = generator.sentence(8)
    let body = generator.sentence(70)
    let relevant = generator.next() % 20 == 0
    let normalized = TextNormalizer.normalize(body)
    items.append(
      IncomingItem(
        item: ParsedItem(
          id: "item-\(id)", title: title, link: "https://news.example/\(id)",
          published: checkedAt, summary: body),
        canonicalURL: "https://news.example/\(id)",
        classification: Classification(
          relevant: relevant, score: relevant ? 20 : 1, language: id % 3 == 0 ? .en : .ru,
          topics: relevant ? [topics[id % topics.count]] : [], evidence: [],
          profileVersion: "bench"),
        fingerprint: options.withFingerprints
          ? SimHash.fingerprint(words: normalized.split(separator: " ")) : nil,
        searchText: options.withSearch ? TextNormalizer.normalize(title) + "\n" + normalized : nil,
        figures: relevant ? ["\(id % 997).5"] : []))
  }
  let feed = feeds[batchIndex % feeds.count]
  let began = ContinuousClock.now
  try store.commit(
    FeedPollResult(
      feedID: feed.id, checkedAt: checkedAt,
      outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: items))
  insertTime += ContinuousClock.now - began
  inserted += count
  batchIndex += 1
  if batchIndex % 200 == 0 {
    print("  \(inserted) items, \(Int(Double(inserted) / seconds(insertTime))) items/s")
  }
}
let insertRate = Double(inserted) / seconds(insertTime)

// The query behind one day's digest: relevant items of the day, and the day's item count.
let dayStart = start.addingTimeInterval(200 * 86_400)
var digestTimes: [Double] = []
var digestRows = 0
for _ in 0..<20 {
  let began = ContinuousClock.now
  let relevant = try store.items(
    firstSeenFrom: dayStart, to: dayStart.addingTimeInterval(86_400), relevantOnly: true)
  _ = try store.itemCounts(boundaries: [dayStart, dayStart.addingTimeInterval(86_400)])
  digestTimes.append(seconds(ContinuousClock.now - began) * 1000)
  digestRows = relevant.count
}

var searchResults: [(String, Double, Int)] = []
for (words, relevantOnly) in [
  (["казахстан", "транзит"], false), (["caspian", "ferry"], true), (["әзірбайжан"], false),
  (["oil", "pipeline", "grain"], false),
] {
  var times: [Double] = []
  var count = 0
  for _ in 0..<10 {
    let began = ContinuousClock.now
    count = try store.search(SearchQuery(words: words, relevantOnly: relevantOnly, limit: 50)).count
    times.append(seconds(ContinuousClock.now - began) * 1000)
  }
  searchResults.append(
    (words.joined(separator: " ") + (relevantOnly ? " (relevant)" : ""), median(times), count))
}

let files = ["bench.sqlite", "bench.sqlite-wal"].map {
  options.directory.appendingPathComponent($0).path
}
let bytes = files.compactMap {
  try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int
}
.reduce(0, +)

print("")
print("| measure | value | target |")
print("|---|---:|---:|")
print("| items | \(inserted) | 1,000,000 |")
print("| insert throughput (batches of \(options.batch)) | \(Int(insertRate)) items/s | ≥ 20,000 |")
print(
  "| one day's digest query (\(digestRows) relevant rows), median of 20 | \(String(format: "%.1f", median(digestTimes))) ms | ≤ 100 ms |"
)
for (query, time, count) in searchResults {
  print(
    "| FTS search \"\(query)\" (\(count) results), median of 10 | \(String(format: "%.1f", time)) ms | ≤ 50 ms |"
  )
}
print("| database size | \(bytes / 1_048_576) MiB, \(bytes / max(inserted, 1)) bytes/item | |")
print("| integrity_check | \(try store.integrityCheck()) | ok |")
try? FileManager.default.removeItem(at: options.directory)
