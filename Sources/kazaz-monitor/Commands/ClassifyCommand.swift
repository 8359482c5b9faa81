import ArgumentParser
import Foundation
import KazazClassify
import KazazConfig
import KazazModel

struct ClassifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Classify plain-text articles (one per file; '-' reads standard input).",
    discussion: "The first non-empty line of an article is its headline; the rest is its body.")

  @Flag(help: "One JSON object per line.")
  var json = false

  @Option(
    help: "The classifier profile (default: config/profiles/kazaz.yaml, then the installed one).")
  var profile: String?

  @Option(help: "Also classify the files listed in LIST, one path per line (for many files).")
  var filesFrom: String?

  @Argument(help: "Article files.")
  var paths: [String] = []

  func validate() throws {
    if paths.isEmpty && filesFrom == nil {
      throw ValidationError("give article files, or --files-from LIST")
    }
  }

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
    let profilePath = try ProfileLocator.locate(explicit: profile)
    let loaded: ClassifierProfile
    do {
      loaded = try ProfileLoader.load(path: profilePath)
    } catch {
      printError(error.description)
      throw ExitCode(78)
    }
    let classifier = Classifier(profile: loaded)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var failed = false
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
        print(String(decoding: try encoder.encode(line), as: UTF8.self))
      } else {
        let verdict = result.relevant ? "relevant" : "not relevant"
        let topics = result.topics.map(\.rawValue).joined(separator: ", ")
        print(
          "\(path): \(verdict) (score \(result.score), \(result.language.rawValue))\(topics.isEmpty ? "" : " — \(topics)")"
        )
      }
    }
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
  var evidence: [Evidence]
  var keyFacts: [KeyFact]
  var profileVersion: String

  init(file: String, classification: Classification) {
    self.file = file
    relevant = classification.relevant
    score = classification.score
    language = classification.language.rawValue
    topics = classification.topics.map(\.rawValue)
    evidence = classification.evidence
    keyFacts = classification.keyFacts
    profileVersion = classification.profileVersion
  }

  enum CodingKeys: String, CodingKey {
    case file, relevant, score, language, topics, evidence
    case keyFacts = "key_facts"
    case profileVersion = "profile_version"
  }
}

/// Reads an article file as text: UTF-8, or windows-1251 when it is not valid UTF-8.
enum ArticleFile {
  static func read(_ path: String) throws -> String {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    if let text = String(data: data, encoding: .utf8) { return text }
    if let text = String(data: data, encoding: .windowsCP1251) { return text }
    return String(decoding: data, as: UTF8.self)
  }
}
