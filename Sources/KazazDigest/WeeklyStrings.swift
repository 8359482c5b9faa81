/// The fixed phrases of the weekly report in its heading language; the phrases it shares with
/// the daily digest (story lines, reasons, topic names) come from `DigestStrings`.
struct WeeklyStrings: Sendable {
  var title: String
  var topStories: String
  var topicWeeks: String
  /// What the chart's marks mean (its caption: the heading above it names the section).
  var chartLegend: String
  /// The chart's text alternative: "Energy: 5 this week, 2.3 a week before (1, 3, 2, 3)".
  var topicLine: @Sendable (String, Int, String, String) -> String
  var thisWeek: String
  var average: String
  var allTopics: String
  var outlets: String
  var relevantItems: String
  var actors: String
  var articles: String
  var mentions: String
  var person: String
  var organisation: String
  var figures: String
  var story: String
  var emptyWeek: @Sendable (Int, Int) -> String
  var noPeople: String
  var noFigures: String
  var averageNote: String

  static func of(_ language: DigestLanguage) -> WeeklyStrings {
    switch language {
    case .en: english
    case .ru: russian
    }
  }

  static let english = WeeklyStrings(
    title: "Kazakhstan–Azerbaijan weekly report", topStories: "Top stories of the week",
    topicWeeks: "Topics this week against the previous four weeks",
    chartLegend: "Bars: items this week. Vertical mark: the average of the previous four weeks.",
    topicLine: { "\($0): \($1) this week, \($2) a week before (\($3))" }, thisWeek: "This week",
    average: "4-week average", allTopics: "All relevant items", outlets: "Most active outlets",
    relevantItems: "Relevant items", actors: "People and organisations most often named",
    articles: "Articles", mentions: "Mentions", person: "person", organisation: "organisation",
    figures: "Figures of the week", story: "Story",
    emptyWeek: {
      "Nothing about Kazakhstan–Azerbaijan relations was found this week (\($0) new items read from \($1) feeds)."
    },
    noPeople: "No person or organisation of the profile was named this week.",
    noFigures: "No figure with what it quantifies was reported this week.",
    averageNote:
      "Averages over the previous four weeks that have data; – where none has. A topic counts every item it was assigned to."
  )

  static let russian = WeeklyStrings(
    title: "Казахстан–Азербайджан: итоги недели", topStories: "Главное за неделю",
    topicWeeks: "Темы за неделю в сравнении с четырьмя предыдущими",
    chartLegend:
      "Полосы: материалы за эту неделю. Вертикальная черта: среднее за четыре предыдущие недели.",
    topicLine: { "\($0): \($1) за неделю, в среднем \($2) за прежние недели (\($3))" },
    thisWeek: "Эта неделя", average: "Среднее за 4 недели", allTopics: "Все материалы по теме",
    outlets: "Самые активные источники", relevantItems: "Материалы по теме",
    actors: "Чаще всего упоминаемые люди и организации", articles: "Материалы",
    mentions: "Упоминания", person: "человек", organisation: "организация",
    figures: "Цифры недели", story: "Материал",
    emptyWeek: {
      "За эту неделю материалов об отношениях Казахстана и Азербайджана не найдено (прочитано новых материалов: \($0), источников: \($1))."
    },
    noPeople: "За неделю люди и организации из профиля не упоминались.",
    noFigures: "За неделю цифр с указанием, к чему они относятся, не было.",
    averageNote:
      "Среднее за предыдущие четыре недели с данными; – если таких нет. Тема учитывает каждый отнесённый к ней материал."
  )
}
