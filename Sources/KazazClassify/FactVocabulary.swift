import Foundation

/// The words that say what a figure quantifies and which way it moved, in the five languages the
/// monitor reads, as data: `FactContext` reads the words around each figure in its sentence and
/// looks them up here.
///
/// Subjects: one per line, `pattern = display`, where the pattern is one or more lower-case words
/// (a trailing `*` matches any ending, as in the classifier profile) and the display is the
/// dictionary form shown in digests. `(generic)` marks a vague word ("volume", "объём") that
/// stands only when no specific one is near; `(reference)` marks a phrase pointing back to the
/// figure before ("этот показатель"), whose subject it takes. Lines starting with `#` are
/// comments.
enum FactVocabulary {
  static let subjectLines = """
    # English
    trade turnover = trade turnover
    foreign trade turnover = foreign trade turnover
    trade volume* = trade volume
    bilateral trade = bilateral trade
    mutual trade = mutual trade
    trade = trade
    turnover = turnover
    export* = exports
    import* = imports
    investment fund* = investment fund
    investment* = investment
    fund* = fund
    loan* = loan
    credit line* = credit line
    grant* = grant
    budget* = budget
    cost* = cost
    price* = price
    tariff* = tariff
    deal* = deal
    contract* = contract
    agreement* = agreement
    project* = project
    cargo transit = cargo transit
    cargo* = cargo
    freight = freight
    container traffic = container traffic
    transit = transit
    shipment* = shipments
    throughput = throughput
    capacity = capacity
    traffic = traffic
    oil = oil
    gas = gas
    electricity = electricity
    production = production
    output = output
    supplies = supplies
    supply = supply
    reserves = reserves
    gdp = GDP
    revenue* = revenue
    income = income
    profit* = profit
    share = share
    stake = stake
    capital = capital
    grain = grain
    wheat = wheat
    cotton = cotton
    volume* = volume (generic)
    amount = amount (generic)
    amounts = amount (generic)
    value = value (generic)
    total = total (generic)
    this figure = (reference)
    the figure = (reference)
    this indicator = (reference)
    # Russian
    товарооборот* = товарооборот
    торгов* оборот* = торговый оборот
    внешнеторгов* оборот* = внешнеторговый оборот
    оборот* = оборот
    торговл* = торговля
    экспорт* = экспорт
    импорт* = импорт
    инвестиционн* фонд* = инвестиционный фонд
    фонд* = фонд
    инвестици* = инвестиции
    вложени* = вложения
    кредит* = кредит
    займ* = заём
    заем* = заём
    грант* = грант
    бюджет* = бюджет
    стоимост* = стоимость
    цена = цена
    цены = цена
    цену = цена
    тариф* = тариф
    контракт* = контракт
    соглашени* = соглашение
    сделк* = сделка
    проект* = проект
    грузооборот* = грузооборот
    грузоперевозк* = грузоперевозки
    перевозк* = перевозки
    транзит* = транзит
    груз* = грузы
    поставк* = поставки
    добыч* = добыча
    производств* = производство
    пропускн* способност* = пропускная способность
    мощност* = мощность
    ввп = ВВП
    доход* = доходы
    выручк* = выручка
    прибыл* = прибыль
    доля = доля
    долю = доля
    доли = доля
    уставн* капитал* = уставный капитал
    нефт* = нефть
    газа = газ
    газ = газ
    электроэнерги* = электроэнергия
    зерн* = зерно
    пшениц* = пшеница
    объем* = объём (generic)
    сумм* = сумма (generic)
    размер* = размер (generic)
    эт* показател* = (reference)
    данн* показател* = (reference)
    # Kazakh
    тауар айналым* = тауар айналымы
    сауда айналым* = сауда айналымы
    айналым* = айналым
    инвестиция* = инвестиция
    қор* = қор
    несие* = несие
    жүк* = жүк
    тасымал* = тасымалдау
    мұнай* = мұнай
    астық* = астық
    бидай* = бидай
    құн* = құн
    көлем* = көлем (generic)
    бұл көрсеткіш* = (reference)
    # Azerbaijani
    ticarət dövriyyə* = ticarət dövriyyəsi
    əmtəə dövriyyə* = əmtəə dövriyyəsi
    dövriyyə* = dövriyyə
    ixrac* = ixrac
    idxal* = idxal
    investisiya* = investisiya
    sərmayə* = sərmayə
    fond* = fond
    kredit* = kredit
    büdcə* = büdcə
    yükdaşıma* = yükdaşımaları
    daşıma* = daşımalar
    tranzit* = tranzit
    yük* = yük
    neft* = neft
    taxıl* = taxıl
    buğda* = buğda
    dəyər* = dəyər
    həcm* = həcm (generic)
    bu göstərici* = (reference)
    # Turkish
    ticaret hacm* = ticaret hacmi
    dış ticaret* = dış ticaret
    ticaret* = ticaret
    ihracat* = ihracat
    ithalat* = ithalat
    yatırım* = yatırım
    fon = fon
    fonu = fon
    fonun = fon
    kredi* = kredi
    bütçe* = bütçe
    taşımacılı* = taşımacılık
    transit* = transit
    petrol* = petrol
    doğal gaz* = doğal gaz
    doğalgaz* = doğal gaz
    değer* = değer
    hacm* = hacim (generic)
    hacim = hacim (generic)
    bu rakam* = (reference)
    """

  /// Words that make a percentage near them a change: up, then down.
  static let upWords = """
    increase* grew grow* growth rose rise* rising risen up jump* climb* gain* surge* expand* boost* \
    вырос* выросл* увелич* рост* прирост* возрос* подскоч* \
    өсті өсім* артты ұлғай* көбей* \
    artıb artım* artmış* artaraq artdı yüksəl* \
    arttı artış* artarak yüksel*
    """
  static let downWords = """
    decrease* fell fall* drop* declin* down lower* shrank shrink* \
    снизил* снижени* сократил* сокращени* уменьшил* упал* падени* \
    төмендеді төмендеу* азайды қысқарды \
    azalıb azalma* azaldı azalaraq düşüb \
    düştü düşüş* geriledi
    """
  /// The word before a money amount that makes it a change after a growth word: "grew by $5
  /// million", "вырос на 100 млн долларов".
  static let changePrepositions = [WordPattern("by"), WordPattern("на")]

  enum Role: Equatable {
    case specific, generic, reference
  }

  struct Subject {
    var words: [WordPattern]
    var display: String
    var role: Role
  }

  /// The subjects, longest phrases first so that "trade turnover" wins over "turnover".
  static let subjects: [Subject] = subjectLines.split(separator: "\n").compactMap { line in
    let text = line.trimmingCharacters(in: .whitespaces)
    guard !text.hasPrefix("#"), let separator = text.range(of: " = ") else { return nil }
    let words = text[..<separator.lowerBound].split(separator: " ").map {
      WordPattern(String($0))
    }
    var display = String(text[separator.upperBound...])
    var role = Role.specific
    for (marker, markedRole) in [("(generic)", Role.generic), ("(reference)", Role.reference)]
    where display.hasSuffix(marker) {
      display = String(display.dropLast(marker.count)).trimmingCharacters(in: .whitespaces)
      role = markedRole
    }
    guard !words.isEmpty else { return nil }
    return Subject(words: words, display: display, role: role)
  }.enumerated().sorted {
    ($0.element.words.count, $1.offset) > ($1.element.words.count, $0.offset)
  }
  .map(\.element)

  /// Positions in `subjects` by the first byte of their last word and of their first word: a
  /// word is compared with the few subjects that can match it, in preference order.
  static let byLastWord = index { $0.words.last }
  static let byFirstWord = index { $0.words.first }

  private static func index(_ word: (Subject) -> WordPattern?) -> [UInt8: [Int]] {
    var index: [UInt8: [Int]] = [:]
    for (position, subject) in subjects.enumerated() {
      if let byte = word(subject)?.firstByte { index[byte, default: []].append(position) }
    }
    return index
  }

  static let up = patterns(upWords)
  static let down = patterns(downWords)

  static func patterns(_ text: String) -> [WordPattern] {
    text.split(whereSeparator: \.isWhitespace).map { WordPattern(String($0)) }
  }
}
