import KazazModel

/// Human names of the topics, for headings, in each heading language.
enum TopicNames {
  static let english: [String: String] = [
    "politics-diplomacy": "Politics and diplomacy",
    "trade-economy": "Trade and economy",
    "investment-finance": "Investment and finance",
    "energy": "Energy",
    "transport-logistics": "Transport, logistics and the Middle Corridor",
    "digital-telecom": "Digital and telecom",
    "culture-humanitarian": "Culture and humanitarian ties",
    "education-science": "Education and science",
    "media-information": "Media and information",
    "youth-sports": "Youth and sports",
    "religion": "Religion",
    "regional-integration": "Regional integration",
    "reconstruction": "Reconstruction",
    "agriculture": "Agriculture",
    "security-defense": "Security and defence",
  ]

  static let russian: [String: String] = [
    "politics-diplomacy": "Политика и дипломатия",
    "trade-economy": "Торговля и экономика",
    "investment-finance": "Инвестиции и финансы",
    "energy": "Энергетика",
    "transport-logistics": "Транспорт, логистика и Средний коридор",
    "digital-telecom": "Цифровые технологии и связь",
    "culture-humanitarian": "Культура и гуманитарные связи",
    "education-science": "Образование и наука",
    "media-information": "СМИ и информация",
    "youth-sports": "Молодёжь и спорт",
    "religion": "Религия",
    "regional-integration": "Региональная интеграция",
    "reconstruction": "Восстановление",
    "agriculture": "Сельское хозяйство",
    "security-defense": "Безопасность и оборона",
  ]

  static func name(_ topic: TopicID, in language: DigestLanguage = .en) -> String {
    let names = language == .ru ? russian : english
    return names[topic.rawValue] ?? topic.rawValue
  }
}
