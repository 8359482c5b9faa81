/// Tells whether a profile pattern names a person or an event, from the shape of its words and,
/// where the corpora have it, how they are written (a name is capitalised inside sentences).
///
/// People's names belong in the profile's list of people and organisations, which is kept from
/// sources and dated; a name in a topic or side list is usually a trace of one article. The test
/// is a heuristic for the five languages of the product:
///
/// - a first name followed by another word ("ilham aliyev", "jeyhun bayramov");
/// - a patronymic (-ovich, -evna, -uly, -qizi, оглы…);
/// - a surname ending (-ov, -ev, -ova, -yeva, -zade, -shvili, -enko…) on a word of five letters
///   or more, unless the corpora write the word in lower case; a Cyrillic word must also be
///   capitalised in the corpora, since Russian genitive plurals ("товаров", "газов") end the
///   same way;
/// - an event: a year or an edition ("2024", "cop29") or a named competition or fair
///   ("… games", "… cup", "expo").
///
/// Other countries and their capitals (the negative list) are place names by definition and are
/// not judged.
enum LintNames {
  enum Kind: Equatable {
    case person(String)
    case event(String)
  }

  /// `words`: the normalised words of the pattern; `isPrefix`: its last word is a stem.
  static func classify(words: [String], isPrefix: Bool, statistics: WordStatistics) -> Kind? {
    for (index, word) in words.enumerated() where index + 1 < words.count {
      if firstNames.contains(word) { return .person("\"\(word)\" is a first name") }
    }
    for (index, word) in words.enumerated() {
      let stem = isPrefix && index == words.count - 1
      if isYearOrEdition(word) { return .event("\"\(word)\" is a year or an edition") }
      if eventWords.contains(word) || eventStems.contains(where: word.hasPrefix) {
        return .event("\"\(word)\" names a competition or a fair")
      }
      let proper = statistics.isProperName(word, isPrefix: stem)
      guard proper != false, word.count >= 5 else { continue }
      if let ending = patronymicEndings.first(where: word.hasSuffix) {
        return .person("\"\(word)\" ends like a patronymic (-\(ending))")
      }
      guard let ending = surnameEndings.first(where: word.hasSuffix) else { continue }
      let cyrillic = word.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
      if !cyrillic || proper == true {
        return .person("\"\(word)\" ends like a surname (-\(ending))")
      }
    }
    return nil
  }

  /// A year ("2024") or letters numbered as an edition ("cop29", "expo2017"); a digit in a
  /// technical term ("5g") is neither.
  static func isYearOrEdition(_ word: String) -> Bool {
    let digits = word.reversed().prefix { $0.isASCII && $0.isNumber }.count
    guard digits >= 2 else { return false }
    if digits == word.count {
      return digits == 4 && (word.hasPrefix("19") || word.hasPrefix("20"))
    }
    return word.dropLast(digits).allSatisfy(\.isLetter)
  }

  static let patronymicEndings = [
    "ovich", "evich", "ovna", "evna", "uly", "kyzy", "qizi", "kizi", "oglu", "ogly",
    "ович", "евич", "овна", "евна", "ұлы", "қызы", "кызы", "оглы",
  ]

  static let surnameEndings = [
    "yeva", "ieva", "ova", "eva", "yev", "iev", "ov", "ev", "zade", "shvili", "dze", "enko",
    "ова", "ева", "ов", "ев", "заде", "швили", "дзе", "енко",
  ]

  /// Named competitions and fairs (normalised): the word such an event's name is built on
  /// ("World Nomad Games", "Davis Cup"); the singular "game" or "match" is everyday vocabulary.
  static let eventWords: Set<String> = [
    "games", "cup", "expo", "игры", "игр", "играх", "играм", "кубок", "кубка", "кубке", "экспо",
    "kubok", "kupa", "kupasi",
  ]
  /// The same, as stems of their inflected forms.
  static let eventStems = ["universiad", "универсиад", "ойындар", "oyunlar"]

  /// Common first names in Kazakhstan, Azerbaijan, Russia and Turkey (normalised, Latin and
  /// Cyrillic spellings). Only a first name followed by another word counts, so that a first
  /// name that is also a common word ("роман", "арман") does not make a phrase a name.
  static let firstNames: Set<String> = [
    // Kazakh
    "kassym", "kasym", "qasym", "qasim", "kasim", "jomart", "zhomart", "nursultan", "olzhas",
    "alikhan", "askar", "asqar", "murat", "yerlan", "erlan", "nurlan", "serik", "bakhyt",
    "bakytzhan", "daniyar", "dauren", "timur", "marat", "askhat", "kairat", "kanat", "mukhtar",
    "arman", "almas", "almasadam", "zhaslan", "bagdat", "yerzhan", "yermek", "ermek", "roman",
    "aida", "tamara", "dariga", "beibut", "beibit", "zhenis", "nurtay", "erbol", "yerbol",
    "talgat", "aset", "ruslan", "azamat", "alibek", "saparbek", "kuanysh", "mazhit", "maulen",
    "касым", "қасым", "жомарт", "нурсултан", "нұрсұлтан", "олжас", "алихан", "аскар", "асқар",
    "мурат", "мұрат", "ерлан", "нурлан", "нұрлан", "серик", "серік", "бахыт", "бақыт",
    "бакытжан", "данияр", "даурен", "дәурен", "тимур", "марат", "асхат", "кайрат", "қайрат",
    "канат", "қанат", "мухтар", "мұхтар", "арман", "алмас", "жаслан", "багдат", "бағдат",
    "ержан", "ермек", "аида", "дарига", "бейбут", "женис", "жеңіс", "ербол", "талгат", "талғат",
    "асет", "руслан", "азамат", "алибек", "куаныш", "қуаныш", "мажит", "маулен", "роман",
    // Azerbaijani
    "ilham", "heydar", "heyder", "haydar", "mehriban", "jeyhun", "ceyhun", "parviz",
    "perviz", "rashad", "reshad", "mikayil", "samir", "elchin", "elcin", "anar", "hikmet",
    "rovshan", "rovsen", "rovnag", "rovneg", "taleh", "farid", "ferid", "adil", "emin", "elnur",
    "vugar", "vuqar", "kamran", "orkhan", "orxan", "shahin", "sahin", "fuad", "ramiz",
    "allahshukur", "mubariz", "fazail", "mukhtar", "ogtay", "oqtay", "sahiba", "leyla", "arzu",
    "ильхам", "ілхам", "гейдар", "мехрибан", "джейхун", "парвиз", "рашад", "микаил",
    "самир", "эльчин", "анар", "хикмет", "ровшан", "ровнаг", "талех", "фарид", "адиль", "эмин",
    "эльнур", "вугар", "камран", "орхан", "шахин", "фуад", "рамиз", "аллахшукюр", "мубариз",
    "огтай", "лейла",
    // Russian and Turkish
    "vladimir", "sergey", "sergei", "dmitry", "mikhail", "alexander", "nikolai", "recep", "tayyip",
    "hakan", "mevlut", "владимир", "сергей", "дмитрий", "михаил", "александр", "николай",
    "реджеп", "тайип",
  ]
}
