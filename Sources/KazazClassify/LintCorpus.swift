import Foundation
import KazazModel
import KazazText

/// Documents the profile lint measures a profile against: folders laid out like a labelled set
/// (`docs/*.txt`, first line the headline), with or without `labels.json`.
public struct LintCorpus: Sendable {
  public struct Document: Sendable {
    /// `corpus/docs/NNN.txt`, as reported.
    public var name: String
    public var language: Language
    public var text: String

    public init(name: String, language: Language, text: String) {
      self.name = name
      self.language = language
      self.text = text
    }
  }

  public var documents: [Document]

  public init(documents: [Document]) {
    self.documents = documents
  }

  /// Reads every `docs/*.txt` of `directory` (only the files `selection` names, when given). A
  /// document's language is its label's `lang` when the folder has a `labels.json` that names
  /// it, otherwise the language the classifier identifies.
  public static func load(directory: URL, selection: Set<String>? = nil) throws -> LintCorpus {
    let docs = directory.appendingPathComponent("docs")
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: docs.path)
        .filter { $0.hasSuffix(".txt") }.sorted()
    } catch {
      throw LabelledCorpus.LoadError(
        description:
          "\(docs.path): not a corpus folder (no readable docs/): \(error.localizedDescription)")
    }
    var languages: [String: Language] = [:]
    if FileManager.default.fileExists(atPath: directory.appendingPathComponent("labels.json").path)
    {
      for label in try LabelledCorpus.labels(in: directory) {
        languages[label.fileName] = Language(rawValue: label.lang) ?? .other
      }
    }
    var documents: [Document] = []
    for name in names where selection?.contains(name) ?? true {
      let url = docs.appendingPathComponent(name)
      guard let data = try? Data(contentsOf: url) else {
        throw LabelledCorpus.LoadError(description: "\(url.path): cannot read")
      }
      let text = String(decoding: data, as: UTF8.self)
      let language = languages[name] ?? LanguageIdentifier.identify(text)
      documents.append(
        Document(
          name: "\(directory.lastPathComponent)/docs/\(name)", language: language, text: text))
    }
    if let selection {
      let missing = selection.subtracting(names)
      guard missing.isEmpty else {
        throw LabelledCorpus.LoadError(
          description:
            "\(docs.path): the selection names files that are not there: \(missing.sorted().prefix(5).joined(separator: ", "))"
        )
      }
    }
    return LintCorpus(documents: documents)
  }
}

/// How the words of a set of documents are written: per language, how often each normalised
/// word occurs; per word, how often it is capitalised inside a sentence (a proper name) and how
/// often it is not.
struct WordStatistics {
  struct Case {
    var capitalised = 0
    var lowercase = 0
  }

  private(set) var frequencies: [Language: [String: Int]] = [:]
  private(set) var cases: [Language: [String: Case]] = [:]

  init(_ documents: [LintCorpus.Document]) {
    for document in documents {
      let (title, body) = Classifier.splitTitle(document.text)
      for (word, _) in Self.words(title) {
        frequencies[document.language, default: [:]][word, default: 0] += 1
      }
      // Headlines are often written in title case: only the body tells names from words.
      for (word, capitalised) in Self.words(body) {
        frequencies[document.language, default: [:]][word, default: 0] += 1
        guard let capitalised else { continue }
        if capitalised {
          cases[document.language, default: [:]][word, default: Case()].capitalised += 1
        } else {
          cases[document.language, default: [:]][word, default: Case()].lowercase += 1
        }
      }
    }
  }

  /// Whether `word` (a prefix when `isPrefix`) is written as a proper name (in `language`, or
  /// in any): true when at least 60% of its occurrences inside sentences are capitalised, false
  /// when fewer are, nil when it occurs fewer than `minimum` times inside sentences.
  func isProperName(
    _ word: String, isPrefix: Bool, in language: Language? = nil, minimum: Int = 2
  ) -> Bool? {
    var total = Case()
    for (written, words) in cases where language == nil || written == language {
      if isPrefix {
        for (candidate, count) in words where candidate.hasPrefix(word) {
          total.capitalised += count.capitalised
          total.lowercase += count.lowercase
        }
      } else if let count = words[word] {
        total.capitalised += count.capitalised
        total.lowercase += count.lowercase
      }
    }
    let all = total.capitalised + total.lowercase
    guard all >= max(minimum, 1) else { return nil }
    return Double(total.capitalised) >= 0.6 * Double(all)
  }

  /// Whether any of `languages` writes `word`.
  func contains(_ word: String, in languages: Set<Language>) -> Bool {
    languages.contains { frequencies[$0]?[word] != nil }
  }

  /// The normalised words of `text`, each with whether it is capitalised, or nil where it opens
  /// a sentence (there every word is capitalised) or holds no letter.
  static func words(_ text: String) -> [(String, Bool?)] {
    var result: [(String, Bool?)] = []
    var current = ""
    var sentenceStart = true
    func flush() {
      guard !current.isEmpty else { return }
      let normalised = TextNormalizer.normalize(current)
      let first = current.first { $0.isLetter }
      let capitalised: Bool? =
        sentenceStart || first == nil ? nil : first.map { $0.isUppercase }
      for word in normalised.split(separator: " ") { result.append((String(word), capitalised)) }
      current = ""
      sentenceStart = false
    }
    for character in text {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else {
        flush()
        if ".!?…".contains(character) || character.isNewline { sentenceStart = true }
      }
    }
    flush()
    return result
  }
}
