import Foundation
import KazazModel

/// Finds the entries of a classifier profile that fit a few documents instead of the language.
///
/// A profile tuned on a small labelled set collects entries that exist because of one article:
/// the name of a minister who appeared once, a phrase written to cancel one sentence, a stem that
/// happened to work in one language and swallows other words in another. The rules:
///
/// - `single`: the pattern matches exactly one document of the corpora;
/// - `unused`: it matches none;
/// - `name`: it is a person's or an event's name outside the people and organisations list
///   (see `LintNames`);
/// - `foreign`: a stem whose matches in a language it was not written for are mostly other
///   words: words that no pattern of that language with the same role matches, that the
///   corpora of the stem's own languages never write and that are longer than the stem (e.g.
///   an English `qatar*` in Azerbaijani "qatar", a train; an Azerbaijani `yuk*`, cargo, in
///   Turkish "yüksek"). Words in the other script are quotations and are not counted;
/// - `nested-negative`: two negative patterns (other countries, sports, accidents) where one
///   matches inside the other: negative matches all count, nested or not, so the text is
///   counted twice;
/// - `alternation`: a Kazakh, Azerbaijani or Turkish stem of two syllables or more that ends in
///   a consonant those languages voice before a vowel (Kazakh к қ п, Azerbaijani k q, Turkish
///   k), written without the voiced form: `қауіпсіздік*` matches "қауіпсіздік" but not
///   "қауіпсіздігі", `emekdasliq*` not "əməkdaşlığı". Write both: `қауіпсізді{к|г}*`.
///
/// Entries of reference data (the people and organisations list) are not judged by how often
/// they occur. Every finding can be accepted by a justification comment (`LintJustification`).
public struct ProfileLint {
  public enum Rule: String, CaseIterable, Sendable, Comparable {
    case single
    case unused
    case name
    case foreign
    case nestedNegative = "nested-negative"
    case alternation

    public static func < (lhs: Rule, rhs: Rule) -> Bool {
      (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
  }

  public struct Finding: Sendable {
    public var rule: Rule
    public var entry: ProfileEntrySource
    public var message: String
    /// The reason the profile gives for keeping the entry, when one covers this rule.
    public var justification: String?
  }

  public struct Report: Sendable {
    public var findings: [Finding]
    /// Problems with the justification comments themselves.
    public var problems: [String]
    public var documents: Int

    public var unjustified: [Finding] { findings.filter { $0.justification == nil } }
  }

  /// A stem's matches in another language count as swallowed words only from this many on.
  static let foreignMinimum = 2

  let entries: [ProfileEntrySource]
  let justifications: [Int: [LintJustification]]
  let commentProblems: [String]
  let documents: [LintCorpus.Document]

  /// `text`: the profile file's text, for its justification comments.
  public init(entries: [ProfileEntrySource], text: String, corpora: [LintCorpus]) {
    self.entries = entries
    (justifications, commentProblems) = LintJustification.parse(text)
    documents = corpora.flatMap(\.documents)
  }

  public func run() -> Report {
    var patterns = PatternTable(entries)
    let statistics = WordStatistics(documents)
    var findings: [Finding] = []
    if !documents.isEmpty {
      let matches = documents.map { document in
        let (title, body) = Classifier.splitTitle(document.text)
        let normalised = NormalizedDocument(title: title, body: body)
        return (normalised.bytes, patterns.matcher.matches(in: normalised.bytes))
      }
      findings += frequencyFindings(patterns, matches.map(\.1))
      findings += foreignFindings(&patterns, matches, statistics)
    }
    findings += nameFindings(patterns, statistics)
    findings += nestedNegativeFindings(patterns)
    findings += alternationFindings(patterns)
    // An entry written with alternatives is judged once, as written.
    var seen: Set<String> = []
    findings = findings.filter { finding in
      seen.insert("\(finding.entry.line)\u{0}\(finding.entry.written)\u{0}\(finding.rule)").inserted
    }
    for index in findings.indices {
      let (rule, entry) = (findings[index].rule, findings[index].entry)
      findings[index].justification =
        justifications[entry.line]?.first { $0.covers(rule, weight: entry.weight) }?.reason
    }
    findings.sort {
      ($0.entry.line, $0.rule, $0.entry.written) < ($1.entry.line, $1.rule, $1.entry.written)
    }
    return Report(findings: findings, problems: commentProblems, documents: documents.count)
  }

  /// `single` and `unused`: in how many documents each pattern matches.
  private func frequencyFindings(_ patterns: PatternTable, _ matches: [[TermMatcher.Match]])
    -> [Finding]
  {
    var documentsOf = [[Int]](repeating: [], count: patterns.compiled.count)
    for (document, found) in matches.enumerated() {
      for pattern in Set(found.map(\.pattern)) { documentsOf[pattern].append(document) }
    }
    // The documents of an entry as written: the union of its alternatives'.
    var written: [String: (entry: ProfileEntrySource, documents: Set<Int>)] = [:]
    var order: [String] = []
    for (index, entry) in entries.enumerated() where !entry.isReferenceData {
      guard let pattern = patterns.indexOfEntry[index] else { continue }
      let key = "\(entry.line)\u{0}\(entry.section)\u{0}\(entry.written)"
      if written[key] == nil {
        written[key] = (entry, [])
        order.append(key)
      }
      written[key]?.documents.formUnion(documentsOf[pattern])
    }
    var findings: [Finding] = []
    for key in order {
      guard let (entry, found) = written[key] else { continue }
      switch found.count {
      case 0:
        findings.append(
          Finding(
            rule: .unused, entry: entry,
            message: "matches none of the \(documents.count) documents"))
      case 1:
        let name = found.first.map { documents[$0].name } ?? ""
        findings.append(
          Finding(rule: .single, entry: entry, message: "matches one document only: \(name)"))
      default: break
      }
    }
    return findings
  }

  /// `foreign`: stems whose matches in the other languages are mostly other words.
  private func foreignFindings(
    _ patterns: inout PatternTable, _ matches: [([UInt8], [TermMatcher.Match])],
    _ statistics: WordStatistics
  ) -> [Finding] {
    struct Tally {
      var intended = 0
      var other: [String: Int] = [:]
      var otherLanguages: Set<Language> = []
    }
    var tallies: [Int: Tally] = [:]
    for (document, (bytes, found)) in zip(documents, matches) {
      let language = document.language
      for match in found {
        let pattern = match.pattern
        guard patterns.compiled[pattern].isPrefix else { continue }
        let own = patterns.languages[pattern]
        guard !own.isEmpty, !own.contains(language) else { continue }
        let wordStart = Self.lastWordStart(bytes, match)
        let wordEnd = Self.wordEnd(bytes, from: match.end)
        // A word in another script is a quotation (an English name in a Russian text).
        guard Self.writes(language, latin: bytes[wordStart] < 0x80) else { continue }
        let word = String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self)
        let roles = patterns.roles[pattern]
        let wanted = found.contains { other in
          other.pattern != pattern && Self.lastWordStart(bytes, other) == wordStart
            && patterns.languages[other.pattern].contains(language)
            && !patterns.roles[other.pattern].isDisjoint(with: roles)
        }
        // A name (a side, another country) that this language writes in lower case is another
        // word (Azerbaijani "qatar", a train, for the country); otherwise the stem as a whole
        // word, or a word its own languages write, is the same word ("tanker").
        let lowercaseName =
          patterns.namesPlace[pattern]
          && statistics.isProperName(word, isPrefix: false, in: language, minimum: 1) == false
        let sameWord =
          !lowercaseName && (wordEnd == match.end || statistics.contains(word, in: own))
        if wanted || sameWord {
          tallies[pattern, default: Tally()].intended += 1
        } else {
          tallies[pattern, default: Tally()].other[word, default: 0] += 1
          tallies[pattern, default: Tally()].otherLanguages.insert(language)
        }
      }
    }
    var findings: [Finding] = []
    for (index, entry) in entries.enumerated() {
      guard let pattern = patterns.indexOfEntry[index], let tally = tallies[pattern],
        entry.language != nil
      else { continue }
      let other = tally.other.values.reduce(0, +)
      guard other >= Self.foreignMinimum, other > tally.intended else { continue }
      let words = tally.other.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4)
        .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
      let languages = tally.otherLanguages.map(\.rawValue).sorted().joined(separator: ", ")
      findings.append(
        Finding(
          rule: .foreign, entry: entry,
          message:
            "in \(languages) it matches mostly other words: \(words) (\(tally.intended) of \(tally.intended + other) matches are words its own languages write)"
        ))
    }
    return findings
  }

  /// `name`: people's and events' names outside the reference list.
  private func nameFindings(_ patterns: PatternTable, _ statistics: WordStatistics) -> [Finding] {
    var findings: [Finding] = []
    for (index, entry) in entries.enumerated() where !entry.isReferenceData {
      guard case .term(let kind) = entry.role, kind != .otherCountry,
        let pattern = patterns.indexOfEntry[index]
      else { continue }
      let compiled = patterns.compiled[pattern]
      let words = compiled.words.split(separator: " ").map(String.init)
      switch LintNames.classify(
        words: words, isPrefix: compiled.isPrefix, statistics: statistics)
      {
      case .person(let why)?:
        findings.append(
          Finding(
            rule: .name, entry: entry,
            message: "a person's name outside the people and organisations list: \(why)"))
      case .event(let why)?:
        findings.append(
          Finding(rule: .name, entry: entry, message: "an event's name: \(why)"))
      case nil: break
      }
    }
    return findings
  }

  /// `nested-negative`: negative patterns that match inside one another.
  private func nestedNegativeFindings(_ patterns: PatternTable) -> [Finding] {
    var negative: [Int] = []
    for (index, entry) in entries.enumerated() {
      guard case .term(let kind) = entry.role, Self.isNegative(kind),
        let pattern = patterns.indexOfEntry[index], !negative.contains(pattern)
      else { continue }
      negative.append(pattern)
    }
    let compiled = negative.map { patterns.compiled[$0] }
    let matcher = TermMatcher(patterns: compiled)
    var inside: [Int: [Int]] = [:]
    for (position, pattern) in negative.enumerated() {
      let text = Array(" \(compiled[position].words) ".utf8)
      for match in matcher.matches(in: text) where match.pattern != position {
        let nested = negative[match.pattern]
        if !inside[pattern, default: []].contains(nested) {
          inside[pattern, default: []].append(nested)
        }
      }
    }
    var findings: [Finding] = []
    for (index, entry) in entries.enumerated() {
      guard case .term(let kind) = entry.role, Self.isNegative(kind),
        let pattern = patterns.indexOfEntry[index], let nested = inside[pattern]
      else { continue }
      let names = nested.map { nestedPattern in
        let written = entries.indices.filter { patterns.indexOfEntry[$0] == nestedPattern }
        let lines = written.map { String(entries[$0].line) }.joined(separator: ", ")
        return "\"\(written.first.map { entries[$0].pattern } ?? "")\" (line \(lines))"
      }
      findings.append(
        Finding(
          rule: .nestedNegative, entry: entry,
          message:
            "holds the negative \(names.joined(separator: " and ")): negative matches all count, so this text counts twice"
        ))
    }
    return findings
  }

  /// The consonants that a language voices at the end of a stem before a vowel, with their
  /// voiced forms, after the profile's normalisation (ğ is written g).
  static let voicing: [Language: [Character: Character]] = [
    .kk: ["к": "г", "қ": "ғ", "п": "б"],
    .az: ["k": "y", "q": "g"],
    .tr: ["k": "g"],
  ]

  static let vowels = Set("aeiouаеиоуыэюяәіөұүё")

  /// `alternation`: Turkic stems that miss their forms with a vowel ending.
  private func alternationFindings(_ patterns: PatternTable) -> [Finding] {
    // The patterns each entry as written stands for.
    func written(_ entry: ProfileEntrySource) -> String { "\(entry.line)\u{0}\(entry.written)" }
    var forms: [String: Set<String>] = [:]
    for (index, entry) in entries.enumerated() {
      guard let pattern = patterns.indexOfEntry[index] else { continue }
      let compiled = patterns.compiled[pattern]
      forms[written(entry), default: []].insert(compiled.words + (compiled.isPrefix ? "*" : ""))
    }
    var findings: [Finding] = []
    for (index, entry) in entries.enumerated() where !entry.isReferenceData {
      // Names of places keep their consonant in Azerbaijani and Turkish ("İraqa", "Irak'ı").
      guard let language = entry.language, let voiced = Self.voicing[language],
        let pattern = patterns.indexOfEntry[index], patterns.compiled[pattern].isPrefix,
        !patterns.namesPlace[pattern]
      else { continue }
      let words = patterns.compiled[pattern].words
      let last = words.split(separator: " ").last.map(String.init) ?? ""
      guard let final = last.last, let voicedFinal = voiced[final],
        last.filter({ Self.vowels.contains($0) }).count >= 2
      else { continue }
      let wanted = String(words.dropLast()) + String(voicedFinal) + "*"
      guard forms[written(entry)]?.contains(wanted) != true else { continue }
      findings.append(
        Finding(
          rule: .alternation, entry: entry,
          message:
            "a \(language.rawValue) stem ending in \(final) misses its forms with \(voicedFinal) before a vowel: write {\(final)|\(voicedFinal)}"
        ))
    }
    return findings
  }

  /// Whether `language` is written in the Latin (else Cyrillic) script; Kazakh is written in
  /// both.
  static func writes(_ language: Language, latin: Bool) -> Bool {
    switch language {
    case .ru: !latin
    case .kk, .other: true
    default: latin
    }
  }

  static func isNegative(_ kind: ClassifierProfile.TermKind) -> Bool {
    switch kind {
    case .otherCountry, .sports, .incident, .multilateral: true
    default: false
    }
  }

  /// Where the last word of a match starts (matches start at a word).
  static func lastWordStart(_ bytes: [UInt8], _ match: TermMatcher.Match) -> Int {
    var index = match.end
    while index > match.start, bytes[index - 1] != 0x20 { index -= 1 }
    return index
  }

  /// Where the word that a stem match ends in ends.
  static func wordEnd(_ bytes: [UInt8], from index: Int) -> Int {
    var end = index
    while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x0A { end += 1 }
    return end
  }
}

/// The profile's distinct patterns, compiled once, with the languages and roles each is written
/// for.
struct PatternTable {
  var compiled: [TermMatcher.Pattern] = []
  var languages: [Set<Language>] = []
  var roles: [Set<String>] = []
  /// Whether the pattern marks a side or another country: it stands for a name.
  var namesPlace: [Bool] = []
  /// For each entry, its pattern's index (nil for a pattern with no letters).
  var indexOfEntry: [Int?] = []
  let matcher: TermMatcher

  init(_ entries: [ProfileEntrySource]) {
    var index: [TermMatcher.Pattern: Int] = [:]
    for entry in entries {
      guard let pattern = CompiledProfile.compile(entry.pattern) else {
        indexOfEntry.append(nil)
        continue
      }
      let position: Int
      if let existing = index[pattern] {
        position = existing
      } else {
        position = compiled.count
        index[pattern] = position
        compiled.append(pattern)
        languages.append([])
        roles.append([])
        namesPlace.append(false)
      }
      indexOfEntry.append(position)
      if let language = entry.language { languages[position].insert(language) }
      roles[position].insert(Self.roleKey(entry.role))
      switch entry.role {
      case .term(.kazakhstan), .term(.azerbaijan), .term(.otherCountry):
        namesPlace[position] = true
      default: break
      }
    }
    matcher = TermMatcher(patterns: compiled)
  }

  static func roleKey(_ role: ProfileEntrySource.Role) -> String {
    switch role {
    case .entity: "entity"
    case .term(let kind):
      switch kind {
      case .topic(let topic): "topic:\(topic.rawValue)"
      default: "\(kind)"
      }
    }
  }
}
