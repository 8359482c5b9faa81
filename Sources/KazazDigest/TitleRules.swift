/// What a headline written in capitals keeps when `Headline` puts it in sentence case, as data:
/// acronyms stay in capitals, proper names keep their capital letter. Proper names are regular
/// expressions for whole words (case-insensitive) with the endings each language gives them, so
/// that Russian "Казахстана" is a name and "казахстанский" an adjective.
enum TitleRules {
  /// Written in capitals. Besides these, a word of two to five letters with no vowel (ТМТМ, KTZ)
  /// or with a digit (C5, G20) is taken for an acronym.
  static let acronyms = [
    "SOCAR", "KMG", "КМГ", "NATO", "НАТО", "OPEC", "ОПЕК", "UNESCO", "ЮНЕСКО", "TRACECA", "ТРАСЕКА",
    "TANAP", "TAPI", "TAP", "CICA", "СВМДА", "ASEAN", "ОДКБ", "CSTO", "ЕАЭС", "EAEU", "ШОС", "SCO",
    "ОТГ", "OTS", "ТМТМ", "TITR", "ВОЛС", "BTC", "БТД", "ADY", "KTZ", "КТЖ", "UN", "ООН", "EU",
    "ЕС", "USA", "США", "UAE", "ОАЭ", "GDP", "ВВП", "LNG", "СПГ", "TEU", "ДФЭ", "МИД", "MFA",
    "ЦАМО",
    "ҚР", "РК", "АР", "KZ", "AZ", "TASS", "ТАСС", "AZERTAC", "АЗЕРТАДЖ", "APA", "AIFC", "МФЦА",
    "IT", "ICT", "AI", "WTO", "ВТО", "IMF", "МВФ", "EBRD", "ЕБРР", "ADB", "АБР", "CIS", "СНГ",
  ]

  /// Proper names, as whole words (case-insensitive regular expressions).
  static let names = [
    // English
    "kazakhstan(?:'s|’s)?", "azerbaijan(?:'s|’s)?", "kazakhs?", "azerbaijanis?", "astana",
    "baku", "almaty", "aktau", "alat", "atyrau", "caspian", "tokayev(?:'s|’s)?",
    "aliyev(?:'s|’s)?", "ilham", "kassym", "jomart", "heydar", "shusha", "fuzuli", "karabakh",
    "turkic", "russia", "china", "turkey", "türkiye", "georgia", "uzbekistan", "turkmenistan",
    "kyrgyzstan", "tajikistan", "iran", "europe(?:an)?", "asia",
    // Russian: nouns with their case endings, not the adjectives
    "казахстан(?:а|у|ом|е)?", "азербайджан(?:а|у|ом|е)?", "астан(?:а|ы|е|у|ой)", "баку",
    "алматы", "актау", "каспи(?:й|я|ю|ем|и)", "токаев(?:а|у|ым|е)?", "алиев(?:а|у|ым|е)?",
    "ильхам(?:а|у|ом|е)?", "касым", "жомарт(?:а|у|ом|е)?", "гейдар(?:а|у|ом|е)?",
    "шуш(?:а|и|е|у|ой)", "физули", "карабах(?:а|у|ом|е)?", "росси(?:я|и|ю|ей)",
    "кита(?:й|я|ю|ем|е)", "турци(?:я|и|ю|ей)", "грузи(?:я|и|ю|ей)", "узбекистан(?:а|у|ом|е)?",
    "туркменистан(?:а|у|ом|е)?", "иран(?:а|у|ом|е)?", "европ(?:а|ы|е|у|ой)",
    // Kazakh: names take suffixes; adjectives in -дық/-тық/-лық do not count
    "(?!\\p{L}*(?:дық|тық|лық)$)(?:қазақстан|әзірбайжан|астана|баку|ақтау|алматы|тоқаев|әлиев|каспий)\\p{L}*",
    // Azerbaijani and Turkish (an apostrophe separates a name's suffix in Turkish)
    "azərbaycan\\p{L}*", "qazaxıstan\\p{L}*", "bakı\\p{L}*", "xəzər\\p{L}*", "əliyev\\p{L}*",
    "tokayev\\p{L}*", "azerbaycan", "kazakistan", "bakü", "hazar", "astana\\p{L}*",
  ]
}
