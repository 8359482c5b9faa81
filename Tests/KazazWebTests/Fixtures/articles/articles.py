# The article texts of the extraction test set, written for it (not copied from any outlet).
# A line "## …" is a subheading, "- …" a list item, "> …" a quotation; the rest are paragraphs.
ARTICLES = [
 dict(slug="en-agency-talks", lang="en", layout="agency", author="Dana Serikova", date="2026-11-20T09:15:00+05:00",
  title="Kazakhstan and Azerbaijan agree to expand Caspian ferry capacity",
  body="""Kazakhstan and Azerbaijan agreed on Thursday to add four ferries to the route between the port of Kuryk and the Alat port near Baku, the transport ministries of both countries said after talks in Astana.
The new vessels, built at a shipyard in Baku, will carry up to 56 rail wagons each and should enter service by the end of 2027, according to a joint statement.
"The Middle Corridor only works if the Caspian crossing is reliable, and today we removed one of its bottlenecks," Kazakhstan's transport minister told reporters.
Freight along the Trans-Caspian route grew by 38 percent in the first nine months of the year, reaching 3.9 million tonnes, officials said.
The two sides also discussed a common digital platform for customs documents, which they hope to test on container trains from January."""),
 dict(slug="en-agency-energy", lang="en", layout="agency", author="Murad Aliyev", date="2026-11-18T14:02:00+04:00",
  title="Baku and Astana sign green energy cable feasibility study",
  body="""Azerbaijan and Kazakhstan signed an agreement on Tuesday to finance a feasibility study for a subsea power cable across the Caspian Sea, a project meant to carry electricity from wind and solar farms to Europe.
The study, worth about 4.5 million dollars, will be carried out by an international consultancy and is due to be completed within eighteen months.
Energy ministers of the two countries said the cable could eventually transmit up to 1.5 gigawatts, linking Central Asian renewables with the Black Sea energy corridor.
Uzbekistan joined the meeting as an observer and said it was considering participation in the next phase.
Experts note that the project still faces technical questions, including the seismic activity of the seabed and the cost of converter stations on both shores."""),
 dict(slug="en-html5-trade", lang="en", layout="html5", author="Aigerim Nurlanova", date="2026-11-22T11:40:00+05:00",
  title="Trade between Kazakhstan and Azerbaijan passes 600 million dollars",
  body="""Bilateral trade between Kazakhstan and Azerbaijan exceeded 600 million dollars in the first ten months of 2026, the Kazakh statistics bureau reported on Sunday.
Exports from Kazakhstan, mostly grain, metals and oil products, rose by a fifth, while imports from Azerbaijan were led by fruit, vegetables and chemical products.
The intergovernmental commission on economic cooperation set a target of one billion dollars a year by 2030 at its last session in Baku.
Business associations say logistics costs remain the main obstacle, with a container from Aktau to Baku still costing more than the same distance by rail on land."""),
 dict(slug="en-html5-weather", lang="en", layout="html5", author="Staff reporter", date="2026-11-23T07:05:00+05:00",
  title="Snowstorm closes highways in northern Kazakhstan",
  body="""A heavy snowstorm closed sections of three national highways in northern Kazakhstan on Monday, the emergencies ministry said, as wind gusts reached 25 metres per second.
Schools in Petropavlovsk and Kokshetau switched to distance learning for the day, and several regional flights were delayed.
Rescue teams helped drivers of more than 200 vehicles stranded near the border with Russia, and no casualties were reported.
Forecasters expect the storm to move east by Wednesday, with temperatures falling to minus 28 degrees at night."""),
 dict(slug="en-blog-analysis", lang="en", layout="blog", author="Farid Huseynov", date="2026-11-19T16:30:00+00:00",
  title="Why the Middle Corridor needs more than new ships",
  body="""Every few months, another agreement on the Trans-Caspian route is signed, and every few months shippers repeat the same complaint: the corridor is slow, unpredictable and expensive.
## Three bottlenecks
The problems are well known, and none of them is solved by ships alone.
- Port capacity at Aktau, Kuryk and Alat is uneven, so wagons wait for days.
- Tariffs are set separately by each railway, which makes a through price hard to quote.
- Customs procedures still rely on paper at several border points.
> A corridor is only as fast as its slowest document, as one logistics manager in Baku put it.
## What could change
A single digital window for customs, shared timetables for ferries and trains, and a common tariff would do more than any new vessel. Kazakhstan and Azerbaijan have promised all three, and next year will show whether they deliver."""),
 dict(slug="en-jsonld-culture", lang="en", layout="jsonld", author="Leyla Mammadova", date="2026-11-21T10:00:00+04:00",
  title="Days of Kazakh culture open in Baku",
  body="""Days of Kazakh culture opened in Baku on Friday with a concert by the Astana Opera orchestra at the Heydar Aliyev Centre.
The programme includes exhibitions of contemporary Kazakh painting, a festival of films by young directors and a meeting of writers from both countries.
Ministers of culture of Azerbaijan and Kazakhstan said they would prepare a joint translation programme, publishing ten books by Azerbaijani authors in Kazakh and ten Kazakh books in Azerbaijani.
The events will continue in Ganja and Shaki until the end of next week."""),
 dict(slug="en-agency-football", lang="en", layout="agency", author="Sports desk", date="2026-11-24T21:50:00+05:00",
  title="Astana edge Qarabag in friendly tournament final",
  body="""FC Astana beat Qarabag 2-1 in the final of a winter friendly tournament in Antalya on Tuesday, with a late header deciding the match.
Qarabag took the lead before half-time, but Astana equalised from a penalty after the break and scored the winner three minutes from the end.
Both clubs used the tournament to test young players ahead of the new season, and coaches praised the level of the game.
The teams agreed to meet again in a charity match in Baku next summer."""),
 dict(slug="en-sidebar-education", lang="en", layout="sidebar", author="Asel Tulegenova", date="2026-11-17T12:00:00+05:00",
  title="Universities in Almaty and Baku launch joint master's programme",
  body="""Al-Farabi Kazakh National University and Baku State University will launch a joint master's programme in international logistics next September, the two universities announced on Monday.
Students will spend the first year in Almaty and the second in Baku, and graduates will receive diplomas from both institutions.
The programme will admit thirty students a year, with scholarships funded by the education ministries of Kazakhstan and Azerbaijan.
Teaching will be in English and Russian, and companies working on the Trans-Caspian route have offered internships.
The universities also plan summer schools on Caspian ecology and a shared digital library."""),
 dict(slug="en-sidebar-tech", lang="en", layout="sidebar", author="Tech desk", date="2026-11-16T08:20:00+00:00",
  title="Regional startup fund closes its first round",
  body="""A venture fund focused on startups from Central Asia and the South Caucasus closed its first round at 40 million dollars, its managing partners said on Sunday.
The fund plans to invest in about twenty companies working on payments, logistics software and agricultural technology.
Investors include development banks, two family offices and a telecommunications operator, according to the statement.
The first investments are expected early next year, with tickets between half a million and three million dollars."""),
 dict(slug="en-related-mid-investment", lang="en", layout="related_mid", author="Rustam Ibrayev", date="2026-11-14T15:45:00+05:00",
  title="Azerbaijani company to build fertiliser plant in Mangystau",
  body="""An Azerbaijani chemical company will build a fertiliser plant in Kazakhstan's Mangystau region, investing about 300 million dollars, the regional administration said on Friday.
The plant will use natural gas from local fields and produce urea and ammonia, mainly for farmers in Kazakhstan and neighbouring countries.
Construction is expected to start next spring and create around 800 jobs during the building phase and 400 permanent jobs once the plant is running.
The project is part of a package of investment agreements signed during the last visit of Azerbaijan's president to Astana.
Officials said the company would also train local engineers at its facilities in Sumgait."""),
 dict(slug="en-related-mid-markets", lang="en", layout="related_mid", author="Markets desk", date="2026-11-25T06:30:00+00:00",
  title="Oil prices steady as traders await OPEC+ meeting",
  body="""Oil prices were little changed on Wednesday as traders waited for the next meeting of OPEC+ producers, where output quotas for the first quarter are expected to be discussed.
Brent crude traded near 74 dollars a barrel, while the benchmark for Kazakhstan's CPC blend was slightly lower because of higher loadings at the Novorossiysk terminal.
Analysts said demand in Asia remained the main uncertainty, with refinery runs in China slowing in November."""),
 dict(slug="ru-1251-talks", lang="ru", layout="agency_ru", encoding="windows-1251", author="Ержан Касымов", date="2026-11-20T18:16:00+05:00",
  title="Президенты Казахстана и Азербайджана обсудили транзит и энергетику",
  body="""Президент Казахстана провел телефонный разговор с президентом Азербайджана, сообщает пресс-служба Акорды.
Главы государств обсудили ход реализации договоренностей, достигнутых в ходе последнего визита, уделив особое внимание развитию Транскаспийского международного транспортного маршрута.
Стороны отметили рост объемов грузоперевозок через порты Актау, Курык и Алят, а также необходимость синхронизации тарифов железных дорог.
Отдельно обсуждались совместные проекты в сфере зеленой энергетики, включая прокладку энергетического кабеля по дну Каспийского моря.
Президенты договорились продолжить контакты на полях предстоящего саммита Организации тюркских государств."""),
 dict(slug="ru-1251-agriculture", lang="ru", layout="agency_ru", encoding="windows-1251", author="Алия Жумабаева", date="2026-11-19T10:05:00+05:00",
  title="Казахстан увеличил поставки пшеницы в Азербайджан",
  body="""Поставки казахстанской пшеницы в Азербайджан за десять месяцев текущего года выросли на 27 процентов, сообщили в министерстве сельского хозяйства.
Основной объем зерна перевозится по железной дороге через Туркменистан и Иран, а также паромами через порт Актау.
Азербайджанские мукомольные предприятия заинтересованы в долгосрочных контрактах, поскольку качество казахстанского зерна стабильно высокое.
В министерстве отметили, что стороны прорабатывают создание совместного зернового терминала в порту Алят."""),
 dict(slug="ru-1251-city", lang="ru", layout="agency_ru", encoding="windows-1251", author="Корреспондент", date="2026-11-21T12:30:00+05:00",
  title="В Алматы откроют три новые станции метро",
  body="""В Алматы до конца года откроют три новые станции метро на продолжении первой линии, сообщили в городском акимате.
Строительство ведется с 2019 года, и после открытия длина линии превысит 16 километров.
Новые станции будут оборудованы лифтами для маломобильных пассажиров, а рядом с ними построят перехватывающие парковки.
В акимате также напомнили, что проект второй линии метро находится на стадии экспертизы."""),
 dict(slug="ru-1251-table-education", lang="ru", layout="table_ru", encoding="windows-1251", author="Пресс-служба", date="2026-11-15T09:00:00+05:00",
  title="Студенты из Азербайджана приедут на стажировку в Шымкент",
  body="""Группа студентов аграрных вузов Азербайджана пройдет стажировку в Южно-Казахстанском университете в Шымкенте, сообщили в вузе.
Программа рассчитана на два месяца и включает занятия по орошаемому земледелию, переработке хлопка и селекции.
Обмен студентами проводится в рамках меморандума между министерствами образования двух стран, подписанного в прошлом году.
Весной группа казахстанских студентов отправится на ответную стажировку в Гянджу."""),
 dict(slug="ru-1251-table-weather", lang="ru", layout="table_ru", encoding="windows-1251", author="Редакция", date="2026-11-23T08:45:00+05:00",
  title="Синоптики предупредили о гололеде на юге страны",
  body="""Синоптики предупредили о гололеде и тумане в Туркестанской, Жамбылской и Алматинской областях в ближайшие три дня.
Водителям рекомендуют снизить скорость, а пешеходам быть осторожнее на тротуарах и пешеходных переходах.
По данным метеорологов, похолодание продлится до конца недели, после чего температура снова поднимется выше нуля."""),
 dict(slug="ru-utf8-related-digital", lang="ru", layout="related_mid", author="Данияр Ахметов", date="2026-11-18T17:20:00+05:00",
  title="Казахстан и Азербайджан проложат цифровой кабель по дну Каспия",
  body="""Операторы связи Казахстана и Азербайджана подписали соглашение о строительстве волоконно-оптической линии по дну Каспийского моря, сообщили в министерстве цифрового развития.
Протяженность линии составит около 380 километров, а ее пропускная способность позволит передавать до 400 терабит данных в секунду.
Проект станет частью Транскаспийского цифрового коридора, который должен соединить Европу и Азию в обход существующих маршрутов.
Завершить строительство планируется в 2028 году, стоимость работ оценивается в 50 миллионов долларов.
Эксперты считают, что новый кабель повысит надежность интернета в регионе и привлечет центры обработки данных."""),
 dict(slug="ru-utf8-html5-security", lang="ru", layout="html5", author="Игорь Смирнов", date="2026-11-12T13:10:00+05:00",
  title="Пограничники Казахстана и Азербайджана провели совместные учения на Каспии",
  body="""Пограничные службы Казахстана и Азербайджана провели совместные учения в казахстанском секторе Каспийского моря, сообщили в пресс-службе погранслужбы.
В учениях участвовали шесть катеров, вертолет и беспилотники, отрабатывалось задержание судна-нарушителя и спасение людей на воде.
Стороны договорились регулярно обмениваться информацией о ситуации на море и проводить такие учения ежегодно.
Следующие учения пройдут летом в азербайджанском секторе."""),
 dict(slug="ru-jsonld-sport", lang="ru", layout="jsonld", author="Спортивная редакция", date="2026-11-24T20:00:00+05:00",
  title="Казахстанские борцы завоевали пять медалей на турнире в Баку",
  body="""Сборная Казахстана по вольной борьбе завоевала пять медалей на международном турнире в Баку, сообщили в федерации.
Золото в весовой категории до 74 килограммов выиграл чемпион Азии, еще два борца стали серебряными призерами, а двое завоевали бронзу.
Турнир собрал спортсменов из двенадцати стран и стал последним стартом сезона перед чемпионатом мира.
Главный тренер сборной отметил хорошую подготовку молодых спортсменов и поблагодарил организаторов за теплый прием."""),
 dict(slug="ru-blog-opinion", lang="ru", layout="blog", author="Айдар Сейтказин", date="2026-11-13T19:00:00+05:00",
  title="Зачем Среднему коридору единый тариф",
  body="""Транскаспийский маршрут часто называют альтернативой северному пути, но грузоотправители по-прежнему жалуются на сроки и стоимость доставки.
## Где теряется время
Основные задержки возникают не в море, а на стыках между участками маршрута.
- Вагоны ждут паром в портах по несколько суток.
- Каждая железная дорога устанавливает собственный тариф.
- Часть документов до сих пор оформляется на бумаге.
> Коридор работает так же быстро, как его самый медленный участок, говорит один из экспедиторов.
## Что предлагается
Казахстан и Азербайджан обсуждают единую сквозную ставку и общую цифровую платформу. Если договоренности будут выполнены, маршрут станет заметно привлекательнее для контейнерных перевозок."""),
 dict(slug="en-agency-investment-forum", lang="en", layout="agency", author="Nigar Karimova", date="2026-11-11T10:30:00+04:00",
  title="Investment forum in Baku yields deals worth 1.2 billion dollars",
  body="""A Kazakhstan–Azerbaijan investment forum in Baku ended on Tuesday with agreements worth 1.2 billion dollars, covering logistics, agriculture, petrochemicals and tourism.
The largest deal provides for a joint logistics hub at the Alat free economic zone, where Kazakh companies will store and process grain before shipment to Georgia and Turkey.
The sovereign funds of both countries confirmed they would capitalise a joint investment company with an initial 200 million dollars.
Participants also discussed direct flights between Shymkent and Baku, which an Azerbaijani airline plans to launch next spring.
The next forum will be held in Almaty in autumn 2027."""),
 dict(slug="ru-1251-jsonld-energy", lang="ru", layout="agency_ru", encoding="windows-1251", author="Нурлан Абдрахманов", date="2026-11-10T15:00:00+05:00",
  title="КазМунайГаз и SOCAR расширят сотрудничество в нефтепереработке",
  body="""Национальные нефтегазовые компании Казахстана и Азербайджана подписали меморандум о расширении сотрудничества в нефтепереработке и нефтехимии.
Документ предусматривает обмен опытом по модернизации нефтеперерабатывающих заводов и совместную подготовку инженеров.
Кроме того, стороны рассмотрят возможность увеличения транзита казахстанской нефти по нефтепроводу Баку – Тбилиси – Джейхан.
По словам руководителей компаний, в прошлом году по этому маршруту было прокачано около полутора миллионов тонн казахстанской нефти."""),
]
