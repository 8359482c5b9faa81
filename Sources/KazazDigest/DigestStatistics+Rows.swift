import KazazModel

extension DigestStatistics {
  /// The rows of the statistics table, labelled in the digest's language, in the order every
  /// renderer shows them: new items, relevant, then per topic and per language.
  func rows(_ language: DigestLanguage, _ words: DigestStrings) -> [(label: String, figure: Figure)]
  {
    [(words.newItems, items), (words.relevant, relevant)]
      + topics.map { (TopicNames.name($0.topic, in: language), $0.figure) }
      + languages.map { ("\(words.perLanguage) \($0.language.rawValue)", $0.figure) }
  }
}
