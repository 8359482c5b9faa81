/// A language's vocabulary for generated news text, ranked by frequency and drawn from a Zipf
/// distribution (the frequency of the word of rank r is proportional to 1/r), as in real news
/// text: a few function words are in every article, most words in very few.
///
/// Ranks 1… hold real function words, some real words are pinned at known ranks (the search
/// queries of the benchmark use them, so their frequency is known), and the rest are made-up
/// words spelled from the language's syllables. Russian words are inflected: a stem is written
/// with one of a few case endings, so a search for a stem is a prefix query over several terms,
/// as real Russian searches are.
struct Vocabulary {
  /// Word stems by rank, most frequent first.
  let words: [String]
  /// Endings a stem may take (the first is the bare stem); empty for uninflected languages.
  let endings: [String]
  /// Stems of the first `uninflected` ranks (function words) are never inflected.
  let uninflected: Int
  /// cumulative[r] = P(rank ≤ r).
  private let cumulative: [Double]

  init(
    size: Int, functionWords: [String], pinned: [Int: String], onsets: [String],
    vowels: [String], codas: [String], endings: [String], seed: UInt64
  ) {
    var random = Random(seed: seed)
    var words = functionWords
    var taken = Set(functionWords).union(pinned.values)
    while words.count < size {
      if let word = pinned[words.count + 1] {
        words.append(word)
        continue
      }
      var word = ""
      for _ in 0..<(2 + random.below(3)) {
        word += onsets[random.below(onsets.count)] + vowels[random.below(vowels.count)]
      }
      if random.below(2) == 0 { word += codas[random.below(codas.count)] }
      if taken.insert(word).inserted { words.append(word) }
    }
    self.words = words
    self.endings = endings
    uninflected = functionWords.count
    var total = 0.0
    var cumulative: [Double] = []
    cumulative.reserveCapacity(size)
    for rank in 1...size {
      total += 1 / Double(rank)
      cumulative.append(total)
    }
    self.cumulative = cumulative.map { $0 / total }
  }

  /// The word of a Zipf-distributed rank, inflected when the language inflects.
  func word(using random: inout Random) -> String {
    let u = random.unit()
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] < u { low = middle + 1 } else { high = middle }
    }
    guard !endings.isEmpty, low >= uninflected else { return words[low] }
    return words[low] + endings[random.below(endings.count)]
  }

  /// The share of articles of `length` words that contain the word of `rank` at least once.
  func articleShare(rank: Int, length: Int) -> Double {
    let p = cumulative[rank - 1] - (rank >= 2 ? cumulative[rank - 2] : 0)
    var absent = 1.0
    for _ in 0..<length { absent *= 1 - p }
    return 1 - absent
  }

  static let english = Vocabulary(
    size: 40_000,
    functionWords: [
      "the", "of", "and", "to", "in", "a", "for", "on", "is", "said", "with", "that", "by", "at",
      "as", "from", "was", "it", "be", "has", "its", "will", "are", "have", "an", "year", "were",
      "this", "which", "also", "not", "but", "after", "million", "percent", "more", "new",
    ],
    pinned: [
      40: "kazakhstan", 60: "azerbaijan", 120: "president", 250: "oil", 400: "caspian",
      700: "pipeline", 1_200: "grain", 2_000: "ferry", 5_000: "aktau", 12_000: "alat",
    ],
    onsets: ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st"],
    vowels: ["a", "e", "i", "o", "u", "ea", "ou"], codas: ["n", "r", "s", "t", "l", "nd", "ng"],
    endings: [], seed: 0x5EED_0001)

  static let russian = Vocabulary(
    size: 60_000,
    functionWords: [
      "в", "и", "на", "с", "по", "не", "что", "о", "для", "к", "из", "от", "это", "также",
      "года", "как", "за", "его", "году", "до", "при", "а", "будет", "млн", "процентов", "более",
      "между", "он", "их", "после",
    ],
    pinned: [
      40: "казахстан", 70: "азербайджан", 100: "переговор", 200: "транзит", 450: "каспи",
      900: "трубопровод", 2_000: "паром", 10_000: "актау", 25_000: "алят",
    ],
    onsets: [
      "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ч", "ш",
      "ст", "пр",
    ],
    vowels: ["а", "е", "и", "о", "у", "ы", "я"], codas: ["н", "р", "с", "т", "л", "в", "к"],
    endings: ["", "", "а", "у", "е", "ом", "ы", "ов", "ой", "ами"], seed: 0x5EED_0002)
}

/// A small deterministic generator (xorshift64): the same store on every run.
struct Random {
  private var state: UInt64

  init(seed: UInt64) { state = seed | 1 }

  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }

  /// A uniform integer in 0..<bound.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A uniform double in (0, 1].
  mutating func unit() -> Double { Double((next() >> 11) + 1) / Double(1 << 53) }
}
