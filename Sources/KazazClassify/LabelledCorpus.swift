import Foundation
import KazazModel

/// One entry of a labelled set's `labels.json`:
/// `{"file", "lang", "label", "topics", "primary", "event", …}` (other keys are ignored).
public struct LabelledDocument: Sendable, Hashable, Codable {
  public enum Label: String, Sendable, Hashable, Codable {
    case relevant, irrelevant, borderline
  }

  /// Path of the article relative to the set's folder, e.g. `docs/004.txt`.
  public var file: String
  public var lang: String
  public var label: Label
  public var topics: [TopicID]
  /// The topic the article is mostly about (sets labelled with primary topics only).
  public var primary: TopicID?
  /// Groups reports of the same event (used to split sets without leaking an event).
  public var event: String?

  public init(
    file: String, lang: String, label: Label, topics: [TopicID], primary: TopicID? = nil,
    event: String? = nil
  ) {
    self.file = file
    self.lang = lang
    self.label = label
    self.topics = topics
    self.primary = primary
    self.event = event
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    file = try container.decode(String.self, forKey: .file)
    lang = try container.decodeIfPresent(String.self, forKey: .lang) ?? "other"
    label = try container.decode(Label.self, forKey: .label)
    topics = try container.decodeIfPresent([TopicID].self, forKey: .topics) ?? []
    primary = try container.decodeIfPresent(TopicID.self, forKey: .primary)
    event = try container.decodeIfPresent(String.self, forKey: .event)
  }

  /// The file name without its folder (`004.txt`), the form selection lists use.
  public var fileName: String { file.split(separator: "/").last.map(String.init) ?? file }
}

/// A labelled set on disk: a folder with `labels.json` and the article files it names.
public enum LabelledCorpus {
  public struct LoadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Reads `labels.json` from `directory`.
  public static func labels(in directory: URL) throws -> [LabelledDocument] {
    let url = directory.appendingPathComponent("labels.json")
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw LoadError(description: "\(url.path): cannot read: \(error.localizedDescription)")
    }
    do {
      return try JSONDecoder().decode([LabelledDocument].self, from: data)
    } catch {
      throw LoadError(description: "\(url.path): not a labels file: \(error)")
    }
  }

  /// Keeps the documents whose file name (with or without its folder) is in `names`, or — when
  /// `excluding` — those whose name is not.
  public static func select(
    _ documents: [LabelledDocument], names: Set<String>, excluding: Bool
  ) -> [LabelledDocument] {
    documents.filter { document in
      let listed = names.contains(document.file) || names.contains(document.fileName)
      return listed != excluding
    }
  }

  /// Parses a selection list: one file name per line; blank lines and `#` comments are skipped.
  public static func parseList(_ text: String) -> Set<String> {
    Set(
      text.split(whereSeparator: \.isNewline).map {
        $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
          .trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty })
  }
}
