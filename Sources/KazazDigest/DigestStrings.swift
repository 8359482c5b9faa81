/// The fixed phrases of a digest in its heading language. Every renderer takes its words from
/// here, so adding a language is one new value.
struct DigestStrings: Sendable {
  var title: String
  var topStories: String
  var statistics: String
  var feedHealth: String
  var charts: String
  var relevantPerTopic: String
  var trend: String
  var itemsFirstSeen: String
  var soFar: String
  /// "relevant of 12 new items from 2 feeds": follows the relevant count.
  var relevantTail: @Sendable (Int, Int) -> String
  var emptyDay: @Sendable (Int, Int) -> String
  var alsoReportedBy: String
  var keyFigures: String
  var topics: String
  var newItems: String
  var relevant: String
  var average: String
  var count: String
  var spike: String
  var perLanguage: String
  var allFeedsHealthy: @Sendable (Int) -> String
  var failing: @Sendable (Int) -> String
  var disabled: String
  var unknownError: String
  /// A feed answered by its site's bot protection (`FeedState.isBlocked`).
  var blockedByBotProtection: String
  var untitled: String
  var averageNote: @Sendable (Int) -> String
  var noBaseline: String
  var stories: String
  var feeds: String
  var relevantOfItems: @Sendable (Int, Int) -> String
  var emptyShort: String
  /// The section of stories under none of the topics.
  var otherStories: String
  /// Tags of a story filed under a topic: its other topics.
  var otherTopics: String
  /// Before the other topics of a top story: "Politics and diplomacy; also Energy".
  var also: String
  /// The short label of the reasons line, and the title of the folded reasons.
  var why: String
  var whyTitle: String
  var sides: @Sendable (Reasons.Sides) -> String
  var topicTerms: String
  var score: @Sendable (String) -> String
  /// After the tags shown: "+4 more".
  var more: @Sendable (Int) -> String
  /// A mail of a report not delivered yet: "mail of digest 2026-12-06 to desk@example.org".
  var mailOf: @Sendable (String, String) -> String
  /// "failing after 3 attempts", or given up: "not delivered after 48 attempts".
  var mailFailing: @Sendable (Int, Bool) -> String
  /// The mail subject's "5 stories"; "no stories" on an empty day.
  var storyCount: @Sendable (Int) -> String
  /// The names of the months, in the form "7 December 2026" takes.
  var months: [String]

  static func of(_ language: DigestLanguage) -> DigestStrings {
    switch language {
    case .en: english
    case .ru: russian
    }
  }

  static let english = DigestStrings(
    title: "Kazakhstan–Azerbaijan digest", topStories: "Top stories", statistics: "Statistics",
    feedHealth: "Feed health", charts: "At a glance", relevantPerTopic: "Relevant items per topic",
    trend: "Relevant items per day, last 14 days", itemsFirstSeen: "Items first seen",
    soFar: "so far",
    relevantTail: { "relevant of \($0) new items from \($1) feeds." },
    emptyDay: {
      "Nothing about Kazakhstan–Azerbaijan relations was found in this period (\($0) new items read from \($1) feeds)."
    },
    alsoReportedBy: "Also reported by", keyFigures: "Key figures", topics: "Topics",
    newItems: "New items", relevant: "Relevant", average: "7-day average", count: "Count",
    spike: "spike", perLanguage: "Relevant in",
    allFeedsHealthy: { "All \($0) feeds answered normally." },
    failing: { "failing for \($0) polls" }, disabled: "disabled", unknownError: "unknown error",
    blockedByBotProtection: "blocked by the site's bot protection", untitled: "(untitled)",
    averageNote: {
      "Averages over the \($0) previous days with data; a spike is at least twice the average and at least 3 items."
    },
    noBaseline: "No earlier days to compare with yet.", stories: "stories", feeds: "Feeds",
    relevantOfItems: { "\($0) relevant of \($1) new items" },
    emptyShort: "Nothing about Kazakhstan–Azerbaijan relations in this period.",
    otherStories: "Other stories", otherTopics: "Other topics", also: "also", why: "Why",
    whyTitle: "Why it is here",
    sides: {
      switch $0 {
      case .headline: "both sides in the headline"
      case .lead: "both sides in the lead"
      case .text: "both sides named in the text"
      }
    },
    topicTerms: "topic terms", score: { "relevance score \($0)" }, more: { "+\($0) more" },
    mailOf: { "Mail of \($0) to \($1)" },
    mailFailing: { $1 ? "not delivered after \($0) attempts" : "failing after \($0) attempts" },
    storyCount: {
      switch $0 {
      case 0: "no stories"
      case 1: "1 story"
      default: "\($0) stories"
      }
    },
    months: [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ])

  static let russian = DigestStrings(
    title: "Казахстан–Азербайджан: дайджест", topStories: "Главное", statistics: "Статистика",
    feedHealth: "Состояние источников", charts: "Коротко в цифрах",
    relevantPerTopic: "Материалы по темам", trend: "Материалы по дням за 14 дней",
    itemsFirstSeen: "Материалы, найденные", soFar: "на данный момент",
    relevantTail: { "по теме из \($0) новых материалов (источников: \($1))." },
    emptyDay: {
      "За этот период материалов об отношениях Казахстана и Азербайджана не найдено (прочитано новых материалов: \($0), источников: \($1))."
    },
    alsoReportedBy: "Также сообщают", keyFigures: "Цифры", topics: "Темы",
    newItems: "Новые материалы", relevant: "По теме", average: "Среднее за 7 дней",
    count: "Число", spike: "всплеск", perLanguage: "По теме, язык",
    allFeedsHealthy: { "Все источники (\($0)) отвечают нормально." },
    failing: { "ошибки \($0) раз подряд" }, disabled: "отключён",
    unknownError: "неизвестная ошибка",
    blockedByBotProtection: "заблокирован защитой сайта от ботов",
    untitled: "(без заголовка)",
    averageNote: {
      "Среднее за предыдущие дни с данными (\($0)); всплеск — не меньше двух средних и не меньше 3 материалов."
    },
    noBaseline: "Пока не с чем сравнить.", stories: "материалов", feeds: "Источники",
    relevantOfItems: { "\($0) по теме из \($1) новых материалов" },
    emptyShort: "Материалов об отношениях Казахстана и Азербайджана за этот период нет.",
    otherStories: "Другие материалы", otherTopics: "Другие темы", also: "также",
    why: "Почему", whyTitle: "Почему это в дайджесте",
    sides: {
      switch $0 {
      case .headline: "обе стороны в заголовке"
      case .lead: "обе стороны в начале текста"
      case .text: "обе стороны названы в тексте"
      }
    },
    topicTerms: "слова темы", score: { "оценка релевантности \($0)" },
    more: { "ещё \($0)" },
    mailOf: { "Письмо \($0) для \($1)" },
    mailFailing: { $1 ? "не доставлено, попыток: \($0)" : "не доставлено, попыток пока: \($0)" },
    storyCount: { count in
      guard count > 0 else { return "материалов нет" }
      let (ten, hundred) = (count % 10, count % 100)
      let word =
        ten == 1 && hundred != 11
        ? "материал"
        : (2...4).contains(ten) && !(12...14).contains(hundred) ? "материала" : "материалов"
      return "\(count) \(word)"
    },
    months: [
      "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
      "октября", "ноября", "декабря",
    ])
}
