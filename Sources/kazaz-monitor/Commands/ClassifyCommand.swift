import ArgumentParser
import Foundation
import KazazClassify
import KazazConfig
import KazazModel
import KazazText

struct ClassifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Classify plain-text articles (one per file; '-' reads standard input).",
    discussion: """
      The first line of an article is its headline (after an empty first line, a short line that \
      reads like one); the rest is its body.
      """)

  @Flag(help: "One JSON object per line.")
  var json = false

  @OptionGroup var profileOptions: ProfileOptions

  @Option(help: "Also classify the files listed in LIST, one path per line (for many files).")
  var filesFrom: String?

  @Argument(help: "Article files.")
  var paths: [String] = []

  func validate() throws {
    if paths.isEmpty && filesFrom == nil {
      throw ValidationError("give article files, or --files-from LIST")
    }
  }

  /// Output is written in blocks of about this many bytes.
  static let outputBlock = 1 << 16

  func run() throws {
    var paths = self.paths
    if let filesFrom {
      do {
        let list = try String(contentsOfFile: filesFrom, encoding: .utf8)
        paths += list.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
      } catch {
        printError("\(filesFrom): \(error.localizedDescription)")
        throw ExitCode.failure
      }
    }
    let classifier = try profileOptions.loadClassifier().classifier
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var failed = false
    // Lines are written in blocks: one write per line would cost more than classifying it.
    var output = ""
    output.reserveCapacity(Self.outputBlock + 4_096)
    for path in paths {
      let text: String
      do {
        text = try ArticleFile.read(path)
      } catch {
        printError("\(path): \(error)")
        failed = true
        continue
      }
      let result = classifier.classify(text: text)
      if json {
        let line = ClassificationJSON(file: path, classification: result)
        output += TerminalText.safeJSON(String(decoding: try encoder.encode(line), as: UTF8.self))
      } else {
        let verdict = result.relevant ? "relevant" : "not relevant"
        output +=
          "\(path.terminalSafe): \(verdict) (score \(result.score), \(result.language.rawValue))"
        for (index, topic) in result.topics.enumerated() {
          output += index == 0 ? " — " : ", "
          output += topic.rawValue
        }
      }
      output += "\n"
      if output.utf8.count >= Self.outputBlock {
        FileHandle.standardOutput.write(Data(output.utf8))
        output.removeAll(keepingCapacity: true)
      }
    }
    FileHandle.standardOutput.write(Data(output.utf8))
    if failed { throw ExitCode.failure }
  }
}

/// The JSON line `classify --json` prints.
struct ClassificationJSON: Encodable {
  var file: String
  var relevant: Bool
  var score: Double
  var language: String
  var topics: [String]
  /// The topic a digest files the article under; `null` when it has no topic.
  var primaryTopic: String?
  var evidence: [Evidence]
  var keyFacts: [KeyFact]
  var profileVersion: String

  init(file: String, classification: Classification) {
    self.file = file
    relevant = classification.relevant
    score = classification.score
    language = classification.language.rawValue
    topics = classification.topics.map(\.rawValue)
    primaryTopic = classification.primaryTopic?.rawValue
    evidence = classification.evidence
    keyFacts = classification.keyFacts
    profileVersion = classification.profileVersion
  }

  enum CodingKeys: String, CodingKey {
    case file, relevant, score, language, topics, evidence
    case primaryTopic = "primary_topic"
    case keyFacts = "key_facts"
    case profileVersion = "profile_version"
  }

  /// Written by hand so that a missing primary topic is an explicit `null`.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(relevant, forKey: .relevant)
    try container.encode(score, forKey: .score)
    try container.encode(language, forKey: .language)
    try container.encode(topics, forKey: .topics)
    try container.encode(primaryTopic, forKey: .primaryTopic)
    try container.encode(evidence, forKey: .evidence)
    try container.encode(keyFacts, forKey: .keyFacts)
    try container.encode(profileVersion, forKey: .profileVersion)
  }
}

/// Reads an article file as text: UTF-8, else the single-byte encoding `Charset` recognises.
enum ArticleFile {
  static func read(_ path: String) throws -> String {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    return Charset.decode(data)
  }
}
