import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// Bilateral stories on each topic in the five languages, written for these tests in the shape of
/// agency news (dateline, officials, figures), with the inflected forms each language uses for the
/// two countries (Қазақстанның, Әзірбайжанмен, Azərbaycanla, Qazaxıstanın, Kazakistan'ın,
/// Azerbaycan'a). Each must be relevant, carry its topics and not the ones a word of it could
/// suggest wrongly.
@Suite("Shipped profile topics per language")
struct ShippedTopicTests {
  struct Story: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var topics: [String]
    var not: [String] = []
    /// The topic the story is chiefly about, when the test says.
    var primary: String? = nil

    var testDescription: String { name }
  }

  let classifier: Classifier

  init() throws {
    classifier = try ShippedProfile.classifier.get()
  }

  func check(_ story: Story) {
    let result = classifier.classify(text: story.text)
    #expect(result.relevant, "\(story.name): score \(result.score)")
    let topics = Set(result.topics.map(\.rawValue))
    for topic in story.topics {
      #expect(topics.contains(topic), "\(story.name): \(topic) missing from \(topics.sorted())")
    }
    for topic in story.not {
      #expect(!topics.contains(topic), "\(story.name): \(topic) assigned")
    }
  }

  static let kazakh: [Story] = [
    Story(
      name: "kk1",
      text: """
        Қазақстан мен Әзірбайжан арасындағы тауар айналымы 20 пайызға өсті
        АСТАНА. Қазақстан мен Әзірбайжан арасындағы тауар айналымы биылғы алғашқы алты айда 310 \
        миллион долларға жетті. Бұл туралы Сауда және интеграция министрі Арман Шаққалиев Бакуде \
        өткен үкіметаралық комиссияның отырысында мәлімдеді.
        Министрдің айтуынша, тараптар экспорттық тауарлардың тізімін кеңейтіп, өзара сауданы 1 \
        миллиард долларға жеткізуді көздеп отыр. Әзірбайжан нарығына қазақстандық ұн, металл \
        өнімдері және химия өнеркәсібі тауарлары жеткізіледі.
        """,
      topics: ["trade-economy"]),
    Story(
      name: "kk2",
      text: """
        Тоқаев пен Әлиев Каспий арқылы жүк тасымалын арттыруды талқылады
        Мемлекет басшысы Қасым-Жомарт Тоқаев Әзірбайжан Президенті Ильхам Әлиевпен телефон арқылы \
        сөйлесті, деп хабарлады Ақорданың баспасөз қызметі.
        Екі ел басшылары Транскаспий халықаралық көлік бағыты бойынша жүк тасымалының көлемін \
        ұлғайту, Ақтау және Құрық порттарының өткізу қабілетін арттыру мәселелерін талқылады. \
        Тараптар контейнерлік тасымалдың тарифтерін үйлестіру қажеттігін атап өтті.
        Сондай-ақ Тоқаев Әлиевті туған күнімен құттықтады.
        """,
      topics: ["politics-diplomacy", "transport-logistics"]),
    Story(
      name: "kk3",
      text: """
        Қазақстан мен Әзірбайжан Каспий түбімен талшықты-оптикалық желі тартады
        Қазақстанның Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі мен \
        Әзірбайжанның Цифрлық даму және көлік министрлігі Каспий теңізінің түбімен \
        талшықты-оптикалық байланыс желісін салу жөніндегі келісімге қол қойды.
        Жобаның ұзындығы шамамен 380 шақырым болады. Желі екі елдің деректер орталықтарын \
        байланыстырып, Еуропа мен Азия арасындағы интернет трафигінің транзитін қамтамасыз етеді, \
        деп атап өтті Қазақтелеком басшысы.
        """,
      topics: ["digital-telecom"], not: ["transport-logistics"]),
    Story(
      name: "kk4",
      text: """
        Физулиде Құрманғазы атындағы балалар шығармашылығы орталығы ашылды
        Әзірбайжанның азат етілген аумақтарындағы Физули қаласында Қазақстанның сыйы – Құрманғазы \
        атындағы балалар шығармашылығы орталығы салтанатты түрде ашылды.
        Салтанатты рәсімге Мемлекет басшысы Қасым-Жомарт Тоқаев пен Әзірбайжан Президенті Ильхам \
        Әлиев қатысты. Орталықта музыка, бейнелеу өнері және домбыра үйірмелері жұмыс істейді. \
        Тоқаев Қарабақты қалпына келтіру жұмыстарына Қазақстанның үлес қосуын жалғастыратынын \
        айтты.
        """,
      topics: ["reconstruction", "culture-humanitarian"]),
    Story(
      name: "kk5",
      text: """
        Қазақстан мен Әзірбайжан қорғаныс министрлері әскери ынтымақтастықты талқылады
        Қазақстан Республикасының Қорғаныс министрі Руслан Жақсылықов Әзірбайжан Республикасының \
        Қорғаныс министрі Закир Гасановпен Бакуде кездесті.
        Тараптар әскери-техникалық ынтымақтастық, бірлескен оқу-жаттығулар өткізу және әскери \
        кадрларды даярлау мәселелерін талқылады. Кездесу қорытындысы бойынша 2025 жылға арналған \
        екіжақты әскери ынтымақтастық жоспарына қол қойылды.
        """,
      topics: ["security-defense"]),
    Story(
      name: "kk6",
      text: """
        Ақтауда Қазақстан мен Әзірбайжан жастар күндері басталды
        Ақтау қаласында Қазақстан-Әзірбайжан жастар күндері ашылды. Іс-шараға екі елдің 200-ден \
        астам жас көшбасшылары, еріктілер мен спортшылар қатысып жатыр.
        Жастар және спорт министрлігінің өкілі жастар саясаты саласындағы тәжірибе алмасу және \
        бірлескен жастар форумдарын өткізу туралы айтты.
        """,
      topics: ["youth-sports"]),
    Story(
      name: "kk7",
      text: """
        Қазақстан Әзірбайжанға 500 мың тонна бидай экспорттайды
        Қазақстан мен Әзірбайжан ауыл шаруашылығы министрлері Астанада кездесіп, астық саудасын \
        кеңейту туралы келісті.
        Қазақстан Ауыл шаруашылығы министрлігінің мәліметінше, биыл Әзірбайжанға 500 мың тоннаға \
        дейін бидай мен ұн жеткізу жоспарланып отыр. Тараптар ветеринариялық және фитосанитариялық \
        талаптарды үйлестіру мәселесін де қарастырды.
        """,
      topics: ["agriculture"]),
  ]

  static let azerbaijani: [Story] = [
    Story(
      name: "az1",
      text: """
        Azərbaycanla Qazaxıstan arasında ticarət dövriyyəsi 40 faiz artıb
        Bakı, 12 mart. Azərbaycan ilə Qazaxıstan arasında ticarət dövriyyəsi ötən il 40 faiz \
        artaraq 500 milyon dollara çatıb. Bu barədə İqtisadiyyat naziri Mikayıl Cabbarov \
        Hökumətlərarası Komissiyanın Astanada keçirilən iclasında bildirib.
        Nazir qeyd edib ki, tərəflər qarşılıqlı ticarətin həcmini 1 milyard dollara çatdırmağı \
        hədəfləyir. Azərbaycandan Qazaxıstana ixrac olunan qeyri-neft məhsullarının çeşidi \
        genişlənir, Qazaxıstandan isə əsasən taxıl və metal idxal edilir.
        """,
      topics: ["trade-economy"]),
    Story(
      name: "az2",
      text: """
        İlham Əliyev Qasım-Jomart Tokayevlə telefonla danışıb
        Bakı, 5 iyun. Azərbaycan Respublikasının Prezidenti İlham Əliyev Qazaxıstan \
        Respublikasının Prezidenti Qasım-Jomart Tokayevlə telefonla danışıb.
        Dövlət başçıları Azərbaycan ilə Qazaxıstan arasında strateji tərəfdaşlıq və müttəfiqlik \
        münasibətlərinin inkişafından məmnunluqlarını ifadə ediblər. Prezident Tokayev Azərbaycana \
        dövlət səfərinə dəvəti məmnunluqla qəbul edib.
        """,
      topics: ["politics-diplomacy"]),
    Story(
      name: "az3",
      text: """
        Ələt limanında Qazaxıstanla birgə konteyner terminalı tikiləcək
        Bakı, 20 noyabr. Azərbaycan Dəmir Yolları və Qazaxıstanın "Qazaxıstan Temir Yolı" şirkəti \
        Ələt limanında birgə konteyner terminalının tikintisi ilə bağlı saziş imzalayıb.
        Terminal Orta Dəhliz üzrə yükdaşımaların həcmini ildə 200 min konteynerə çatdıracaq. \
        Layihə Azərbaycan-Qazaxıstan birgə investisiya fondu vasitəsilə maliyyələşdiriləcək. Aktau \
        və Kurık limanlarından gələn bərələr üçün yeni dayanacaqlar da inşa olunacaq.
        """,
      topics: ["transport-logistics", "investment-finance"]),
    Story(
      name: "az4",
      text: """
        Azərbaycan və Qazaxıstan Xəzərin dibi ilə elektrik kabeli çəkəcək
        Bakı, 3 may. Azərbaycanın Energetika naziri Pərviz Şahbazov Qazaxıstanın Energetika naziri \
        Almasadam Satqaliyevlə görüşüb.
        Görüşdə Xəzər dənizinin dibi ilə yaşıl enerji kabelinin çəkilməsi, bərpa olunan enerji \
        mənbələri və Qazaxıstan neftinin Bakı-Tbilisi-Ceyhan kəməri ilə nəqlinin artırılması \
        müzakirə edilib. Tərəflər SOCAR və QazMunayQaz arasında əməkdaşlığın genişləndirilməsini \
        vurğulayıblar.
        """,
      topics: ["energy"], not: ["transport-logistics"]),
    Story(
      name: "az5",
      text: """
        Bakıda Qazaxıstan Mədəniyyət Günləri başlayıb
        Bakı, 15 oktyabr. Bakıda Qazaxıstan Mədəniyyət Günləri çərçivəsində Heydər Əliyev \
        Sarayında qala-konsert keçirilib. Tədbirdə Azərbaycanın mədəniyyət naziri Adil Kərimli və \
        Qazaxıstanın Mədəniyyət və informasiya naziri Aida Balayeva iştirak ediblər.
        Konsertdə qazax və Azərbaycan bəstəkarlarının əsərləri səsləndirilib, Kurmanqazı adına \
        orkestr çıxış edib. Mədəniyyət Günləri çərçivəsində Qazaxıstan rəssamlarının sərgisi və \
        kino həftəsi də təşkil olunub.
        """,
      topics: ["culture-humanitarian"], not: ["reconstruction"]),
    Story(
      name: "az6",
      text: """
        Azərbaycan və Qazaxıstan müdafiə nazirləri hərbi əməkdaşlığı müzakirə edib
        Astana, 11 aprel. Azərbaycanın müdafiə naziri general-polkovnik Zakir Həsənov Qazaxıstana \
        rəsmi səfər çərçivəsində həmkarı Ruslan Jaksılıkovla görüşüb.
        Görüşdə hərbi, hərbi-texniki və hərbi-təhsil sahələrində əməkdaşlığın inkişafı, birgə \
        təlimlərin keçirilməsi və kadr hazırlığı məsələləri müzakirə olunub.
        """,
      topics: ["security-defense"]),
    Story(
      name: "az7",
      text: """
        Qazaxıstan Füzulidə uşaq yaradıcılıq mərkəzi tikib
        Füzuli, 18 yanvar. Qazaxıstanın Azərbaycan xalqına hədiyyəsi olan Kurmanqazı adına Uşaq \
        Yaradıcılıq Mərkəzinin tikintisi başa çatıb.
        İşğaldan azad edilmiş ərazilərdə bərpa və yenidənqurma işlərinə töhfə verən Qazaxıstan \
        tərəfi mərkəzi tam təchiz edib. Mərkəzdə 300 uşaq musiqi və rəssamlıq dərnəklərində məşğul \
        ola biləcək.
        """,
      topics: ["reconstruction"]),
    Story(
      name: "az10",
      text: """
        Azərbaycan və Qazaxıstan media əməkdaşlığını genişləndirir
        Astana, 9 sentyabr. AZƏRTAC və Qazinform informasiya agentlikləri arasında əməkdaşlıq \
        memorandumu imzalanıb. Sənədə əsasən, agentliklər informasiya mübadiləsi aparacaq, birgə \
        media layihələri həyata keçirəcək.
        Azərbaycan və Qazaxıstan jurnalistləri üçün press-turlar təşkil olunacaq, iki ölkənin KİV \
        nümayəndələri təcrübə mübadiləsi aparacaqlar.
        """,
      topics: ["media-information"]),
    Story(
      name: "az11",
      text: """
        Qazaxıstan və Azərbaycan universitetləri tələbə mübadiləsinə başlayır
        Bakı, 2 fevral. Bakı Dövlət Universiteti ilə Əl-Farabi adına Qazax Milli Universiteti \
        arasında akademik mübadilə haqqında saziş imzalanıb.
        Saziş çərçivəsində hər il 50 tələbə və müəllim qarşılıqlı olaraq təhsil alacaq, birgə elmi \
        tədqiqatlar aparılacaq. Qazaxıstan hökuməti azərbaycanlı tələbələr üçün təqaüd proqramını \
        da genişləndirir.
        """,
      topics: ["education-science"]),
  ]

  static let turkish: [Story] = [
    Story(
      name: "tr1",
      text: """
        Kazakistan ile Azerbaycan arasındaki ticaret hacmi 1 milyar dolara çıkacak
        ASTANA (AA) - Kazakistan Ticaret ve Entegrasyon Bakanı Arman Şakkaliyev, Azerbaycan ile \
        ikili ticaret hacminin önümüzdeki iki yılda 1 milyar dolara çıkarılmasının hedeflendiğini \
        söyledi.
        Şakkaliyev, Bakü'de düzenlenen Kazakistan-Azerbaycan İş Forumu'nda yaptığı konuşmada, iki \
        ülke arasındaki ticaretin geçen yıl yüzde 25 arttığını belirtti. Kazakistan'ın \
        Azerbaycan'a ihracatında un, metal ve kimya ürünlerinin öne çıktığını kaydetti.
        """,
      topics: ["trade-economy"]),
    Story(
      name: "tr2",
      text: """
        Tokayev ile Aliyev telefonda görüştü
        ASTANA - Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, Azerbaycan Cumhurbaşkanı İlham \
        Aliyev ile telefonda görüştü.
        Akorda'dan yapılan açıklamaya göre, iki lider Kazakistan ile Azerbaycan arasındaki \
        stratejik ortaklık ve müttefiklik ilişkilerinin geliştirilmesini ele aldı. Tokayev, \
        Aliyev'i Astana'ya resmi ziyarete davet etti. Liderler, Yüksek Devletlerarası Konsey'in \
        bir sonraki toplantısının hazırlıklarını da görüştü.
        """,
      topics: ["politics-diplomacy"]),
    Story(
      name: "tr3",
      text: """
        Kazakistan ve Azerbaycan, Orta Koridor'da konteyner taşımacılığını artırıyor
        BAKÜ (AA) - Kazakistan Demir Yolları (KTZ) ile Azerbaycan Demir Yolları (ADY), Orta \
        Koridor üzerinden yük taşımacılığını artırmak için ortak lojistik şirketi kurdu.
        Şirket, Aktau ve Kurık limanlarından Bakü Limanı'na feribot ve konteyner taşımacılığını \
        koordine edecek. Hazar Denizi üzerinden taşınan yük miktarının 2025'te 10 milyon tona \
        ulaşması bekleniyor.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "tr4",
      text: """
        Azerbaycan ile Kazakistan arasında Hazar'ın altından enerji kablosu döşenecek
        BAKÜ - Azerbaycan Enerji Bakanı Pervin Şahbazov ile Kazakistan Enerji Bakanı Almasadam \
        Satkaliyev, Hazar Denizi'nin altından yeşil enerji kablosu döşenmesine ilişkin anlaşma \
        imzaladı.
        Proje kapsamında Kazakistan'da üretilen yenilenebilir enerji Azerbaycan üzerinden \
        Avrupa'ya iletilecek. Bakanlar ayrıca Kazak petrolünün Bakü-Tiflis-Ceyhan boru hattıyla \
        taşınmasının artırılmasını da ele aldı.
        """,
      topics: ["energy"], not: ["transport-logistics"]),
    Story(
      name: "tr5",
      text: """
        Kazakistan Savunma Bakanı Azerbaycan'da temaslarda bulundu
        BAKÜ - Kazakistan Savunma Bakanı Ruslan Jaksılıkov, Azerbaycanlı mevkidaşı Zakir Hasanov \
        ile Bakü'de bir araya geldi.
        Görüşmede iki ülke arasındaki askeri ve askeri-teknik iş birliği, ortak tatbikatlar ve \
        askeri eğitim alanındaki iş birliği ele alındı. Taraflar 2025 yılı askeri iş birliği \
        planını imzaladı.
        """,
      topics: ["security-defense"]),
    Story(
      name: "tr6",
      text: """
        Kazakistan, Karabağ'da çocuk yaratıcılık merkezi inşa etti
        FUZULİ - Kazakistan'ın Azerbaycan'a hediyesi olan Kurmangazı Çocuk Yaratıcılık Merkezi, \
        Fuzuli kentinde açıldı.
        Açılış törenine Kazakistan Cumhurbaşkanı Tokayev ve Azerbaycan Cumhurbaşkanı Aliyev \
        katıldı. Merkezde Kazakistan'ın katkısıyla çocuklara müzik, dans ve resim dersleri \
        verilecek. İşgalden kurtarılan topraklardaki yeniden inşa çalışmalarına katkı sunan \
        Kazakistan, bölgede bir okul da yapmayı planlıyor.
        """,
      topics: ["reconstruction", "culture-humanitarian"]),
    Story(
      name: "tr9",
      text: """
        Kazakistan ve Azerbaycan, Hazar'dan fiber optik kablo hattı döşeyecek
        ASTANA - Kazakistan ve Azerbaycan, Hazar Denizi'nin altından geçecek fiber optik iletişim \
        hattı projesinde son aşamaya geldi.
        Kazakistan Dijital Kalkınma Bakanı, projenin Avrupa ile Asya arasında yeni bir dijital \
        koridor oluşturacağını ve veri merkezleri arasında yüksek hızlı internet bağlantısı \
        sağlayacağını söyledi.
        """,
      topics: ["digital-telecom"], not: ["transport-logistics"]),
    Story(
      name: "tr10",
      text: """
        Kazakistan'dan Azerbaycan'a 300 bin ton buğday
        ASTANA - Kazakistan Tarım Bakanlığı, bu yıl Azerbaycan'a 300 bin ton buğday ve un ihraç \
        edilmesinin planlandığını açıkladı.
        Kazakistan Tarım Bakanı, Azerbaycanlı mevkidaşıyla yaptığı görüşmede tahıl ticaretinin \
        yanı sıra hayvancılık ve veterinerlik alanında iş birliğini de ele aldı.
        """,
      topics: ["agriculture"]),
  ]

  static let russian: [Story] = [
    Story(
      name: "ru1",
      text: """
        Казахстан и Азербайджан договорились увеличить товарооборот до 1 млрд долларов
        АСТАНА. В Астане состоялось 21-е заседание Межправительственной комиссии по \
        торгово-экономическому сотрудничеству между Казахстаном и Азербайджаном. Сопредседателями \
        комиссии выступили заместитель премьер-министра Казахстана Серик Жумангарин и министр \
        экономики Азербайджана Микаил Джаббаров.
        Стороны обсудили увеличение взаимного товарооборота, расширение номенклатуры экспорта и \
        создание совместных производств. По итогам заседания подписан протокол и дорожная карта по \
        развитию торговли на 2025–2026 годы.
        """,
      topics: ["trade-economy"]),
    Story(
      name: "ru2",
      text: """
        Токаев провел переговоры с Ильхамом Алиевым в Баку
        БАКУ. Президент Казахстана Касым-Жомарт Токаев, прибывший в Азербайджан с государственным \
        визитом, провел переговоры в узком составе с Президентом Азербайджана Ильхамом Алиевым.
        Главы государств обсудили состояние и перспективы казахстанско-азербайджанского \
        стратегического партнерства и союзнических отношений. По итогам переговоров подписана \
        Декларация об углублении союзнического взаимодействия. Токаев пригласил Алиева посетить \
        Казахстан с официальным визитом.
        """,
      topics: ["politics-diplomacy"]),
    Story(
      name: "ru3",
      text: """
        КТЖ и АЖД создадут совместное предприятие для перевозок по Среднему коридору
        АСТАНА. «Казахстан темир жолы» и «Азербайджанские железные дороги» подписали соглашение о \
        создании совместного логистического предприятия.
        Компания займется организацией контейнерных перевозок по Транскаспийскому международному \
        транспортному маршруту через порты Актау, Курык и Алят. К 2027 году стороны планируют \
        увеличить объем грузоперевозок до 10 млн тонн в год.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "ru4",
      text: """
        Казахстан увеличит транзит нефти через Азербайджан
        АСТАНА. «КазМунайГаз» и SOCAR подписали соглашение об увеличении объемов транспортировки \
        казахстанской нефти по нефтепроводу Баку – Тбилиси – Джейхан до 2,2 млн тонн в год.
        Председатель правления КМГ отметил, что стороны также обсудили совместную геологоразведку \
        на каспийском шельфе и поставки нефтепродуктов. Ранее министр энергетики Казахстана заявил \
        о планах прокладки энергетического кабеля по дну Каспийского моря.
        """,
      topics: ["energy"]),
    Story(
      name: "ru5",
      text: """
        В Баку прошли Дни культуры Казахстана
        БАКУ. В Баку завершились Дни культуры Казахстана в Азербайджане. В Центре Гейдара Алиева \
        прошел концерт мастеров искусств Казахстана, в котором приняли участие солисты театра \
        оперы и балета «Астана Опера».
        Министр культуры Азербайджана отметил, что культурно-гуманитарное сотрудничество двух \
        братских народов развивается динамично. В рамках Дней культуры также открылась выставка \
        казахстанских художников и прошла неделя казахского кино.
        """,
      topics: ["culture-humanitarian"]),
    Story(
      name: "ru6",
      text: """
        Азербайджан и Казахстан запустят совместный инвестиционный фонд
        БАКУ. Азербайджанский инвестиционный холдинг и фонд национального благосостояния \
        «Самрук-Казына» учредили совместный инвестиционный фонд с капиталом 100 млн долларов.
        Фонд будет финансировать проекты в сфере промышленности, логистики и агропромышленного \
        комплекса в обеих странах. По словам руководителей холдингов, первые инвестиционные \
        решения будут приняты до конца года.
        """,
      topics: ["investment-finance"]),
    Story(
      name: "ru10",
      text: """
        Муфтии Казахстана и Азербайджана обсудили межрелигиозный диалог
        АСТАНА. Верховный муфтий Казахстана Наурызбай кажы Таганулы встретился с председателем \
        Управления мусульман Кавказа шейх-уль-исламом Аллахшукюром Пашазаде.
        Стороны обсудили сотрудничество духовных управлений мусульман двух стран, подготовку \
        имамов и развитие межрелигиозного диалога. Пашазаде пригласил казахстанских богословов \
        принять участие в конференции в Баку.
        """,
      topics: ["religion"], not: ["culture-humanitarian"]),
    Story(
      name: "ru11",
      text: """
        Главы МИД Казахстана и Азербайджана провели политические консультации
        БАКУ. Министр иностранных дел Азербайджана Джейхун Байрамов встретился с министром \
        иностранных дел Казахстана Муратом Нуртлеу.
        Министры обсудили подготовку к заседанию Высшего межгосударственного совета и график \
        визитов на высшем уровне. Стороны также подтвердили взаимную поддержку в международных \
        организациях.
        """,
      topics: ["politics-diplomacy"]),
    Story(
      name: "ru12",
      text: """
        Казахстан и Азербайджан подписали соглашение о сотрудничестве в области СМИ
        АСТАНА. Министерство культуры и информации Казахстана и Агентство развития медиа \
        Азербайджана подписали меморандум о сотрудничестве в сфере средств массовой информации.
        Документ предусматривает обмен информацией между информационными агентствами, совместные \
        медиапроекты, пресс-туры для журналистов и обучение сотрудников СМИ двух стран.
        """,
      topics: ["media-information"], not: ["culture-humanitarian"]),
  ]

  static let english: [Story] = [
    Story(
      name: "en1",
      text: """
        Kazakhstan, Azerbaijan aim to lift trade turnover to $1 billion
        ASTANA, Kazakhstan, May 14. Kazakhstan and Azerbaijan intend to raise bilateral trade to \
        $1 billion in the coming years, Kazakh Minister of Trade and Integration Arman Shakkaliyev \
        said at a meeting of the Kazakh-Azerbaijani Business Council in Baku.
        According to him, trade between the two countries grew by 25 percent last year, reaching \
        $480 million. Kazakhstan mainly exports flour, metals and chemical products to Azerbaijan, \
        while Azerbaijani exports are dominated by fruit, vegetables and polymers.
        """,
      topics: ["trade-economy"]),
    Story(
      name: "en2",
      text: """
        Tokayev, Aliyev discuss allied relations in phone call
        Kazakh President Kassym-Jomart Tokayev held a telephone conversation with Azerbaijani \
        President Ilham Aliyev, Akorda reported.
        The presidents discussed the development of strategic partnership and allied relations \
        between Kazakhstan and Azerbaijan and preparations for the next meeting of the Supreme \
        Interstate Council. Tokayev invited Aliyev to pay an official visit to Kazakhstan.
        """,
      topics: ["politics-diplomacy"]),
    Story(
      name: "en3",
      text: """
        Azerbaijan, Kazakhstan to build joint container hub at Port of Alat
        BAKU, Azerbaijan, November 20. Azerbaijan Railways (ADY) and Kazakhstan Temir Zholy (KTZ) \
        have signed an agreement to build a joint container terminal at the Port of Alat on the \
        Middle Corridor.
        The terminal will handle up to 200,000 containers a year and serve ferries arriving from \
        the ports of Aktau and Kuryk. The project will be financed through the \
        Azerbaijan-Kazakhstan joint investment fund, officials said.
        """,
      topics: ["transport-logistics", "investment-finance"]),
    Story(
      name: "en4",
      text: """
        KazMunayGas, SOCAR agree to increase Kazakh oil transit via BTC
        ASTANA. KazMunayGas and SOCAR have agreed to increase the transportation of Kazakh oil \
        through the Baku-Tbilisi-Ceyhan pipeline to 2.2 million tons a year, KMG's chairman said.
        The companies also discussed joint geological exploration on the Caspian shelf. \
        Kazakhstan's energy minister said separately that a feasibility study for a power cable \
        under the Caspian Sea linking the electricity grids of Kazakhstan and Azerbaijan would be \
        completed next year.
        """,
      topics: ["energy"]),
    Story(
      name: "en5",
      text: """
        Kazakhstan opens children's creativity centre in Azerbaijan's Fuzuli
        FUZULI, Azerbaijan. The Kurmangazy Children's Creativity Centre, built by Kazakhstan as a \
        gift to the people of Azerbaijan, has opened in the city of Fuzuli in the liberated \
        territories.
        Presidents Kassym-Jomart Tokayev and Ilham Aliyev attended the opening ceremony. The \
        centre will offer music, dance and painting classes to 300 children and is part of \
        Kazakhstan's contribution to the reconstruction of Karabakh.
        """,
      topics: ["reconstruction", "culture-humanitarian"]),
    Story(
      name: "en9",
      text: """
        Kazakhstan, Azerbaijan sign defence cooperation plan
        ASTANA. Kazakh Defence Minister Ruslan Zhaksylykov and his Azerbaijani counterpart Zakir \
        Hasanov signed a bilateral military cooperation plan for 2025 in Astana.
        The ministers discussed military-technical cooperation, joint exercises in the Caspian Sea \
        and the training of military personnel at each other's defence academies.
        """,
      topics: ["security-defense"]),
    Story(
      name: "en10",
      text: """
        Kazakhstan to supply 500,000 tons of wheat to Azerbaijan
        ASTANA. Kazakhstan plans to export up to 500,000 tons of wheat and flour to Azerbaijan \
        this year, the Kazakh Ministry of Agriculture said after talks between the two countries' \
        agriculture ministers.
        The ministers also agreed to simplify veterinary and phytosanitary controls for livestock \
        and fruit shipments and to set up a joint grain terminal.
        """,
      topics: ["agriculture"]),
    Story(
      name: "en11",
      text: """
        Kazakh, Azerbaijani youth forum opens in Aktau
        AKTAU. The Kazakhstan-Azerbaijan Youth Days opened in Aktau on Monday, bringing together \
        more than 200 young leaders, volunteers and athletes from the two countries.
        The programme includes a youth forum on youth policy, a friendly chess tournament and \
        joint volunteer projects, the Kazakh Ministry of Information and Social Development said.
        """,
      topics: ["youth-sports"], not: ["media-information"]),
    Story(
      name: "en12",
      text: """
        Kazakh and Azerbaijani news agencies sign media cooperation deal
        BAKU. Kazinform and AZERTAC news agencies signed a memorandum on information exchange and \
        joint media projects.
        The agreement provides for press tours for journalists, joint coverage of major events and \
        training for the editorial staff of the two agencies, the heads of Kazinform and AZERTAC \
        said.
        """,
      topics: ["media-information"]),
    Story(
      name: "en13",
      text: """
        Fiber-optic line under Caspian to link Kazakhstan and Azerbaijan
        ASTANA. Kazakhtelecom and AzerTelecom have completed the design of a 380-kilometre \
        fiber-optic communication line across the Caspian seabed.
        The Trans-Caspian fibre link will connect data centres in Kazakhstan and Azerbaijan and is \
        part of the Digital Silk Road between Europe and Asia, the Kazakh Ministry of Digital \
        Development said.
        """,
      topics: ["digital-telecom"], not: ["transport-logistics"]),
  ]

  @Test("Kazakh stories carry their topics", arguments: Self.kazakh)
  func kazakhTopics(story: Story) {
    check(story)
  }

  @Test("Azerbaijani stories carry their topics", arguments: Self.azerbaijani)
  func azerbaijaniTopics(story: Story) {
    check(story)
  }

  @Test("Turkish stories carry their topics", arguments: Self.turkish)
  func turkishTopics(story: Story) {
    check(story)
  }

  @Test("Russian stories carry their topics", arguments: Self.russian)
  func russianTopics(story: Story) {
    check(story)
  }

  @Test("English stories carry their topics", arguments: Self.english)
  func englishTopics(story: Story) {
    check(story)
  }
}
