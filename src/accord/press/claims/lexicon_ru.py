"""Russian patterns for claim extraction (stems, so that case endings do not matter)."""

import re

from accord.press.claims.values import NUMBER

I = re.I
W = r"[А-Яа-яЁё-]"  # a Russian word character


def rx(*alternatives: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), I)


def rx_each(*alternatives: str) -> tuple[re.Pattern, ...]:
    """Separately compiled alternatives, for patterns that each name the same group."""
    return tuple(re.compile(a, I) for a in alternatives)


MUTUAL_DEFENSE = rx(
    rf"военн{W}*\s+(?:союз|альянс|блок|коалици){W}*",
    rf"(?:взаимн|коллективн|совместн){W}*\s+(?:оборон|военн{W}*\s+помощ|защит){W}*",
    rf"оборонительн{W}*\s+(?:союз|пакт|договор|альянс){W}*",
    rf"обязыва{W}*\s+(?:{W}+\s+){{0,3}}(?:защищать|защитить|оказ{W}*\s+военн{W}*)",
    rf"военн{W}*\s+помощ{W}*\s+в\s+случае",
    rf"пакт{W}*\s+о\s+взаимной\s+обороне",
    rf"военн{W}*\s+обязательств{W}*",
    rf"(?:обязан|должн|обязу){W}*\s+(?:{W}+\s+){{0,3}}(?:помо|защи|вступ){W}*(?:\s+{W}+){{0,4}}\s+в\s+случае\s+(?:нападени|агресси){W}*",
)

# Wishes and proposals assert nothing about what a treaty says ("призвал заключить оборонный союз").
# Not "требует": "договор требует от России…" states an obligation.
DESIRE = rx(
    r"(?<![А-Яа-яЁё])(?:призыва\w*|призвал\w*|призыв\w*|предлага\w*|предложил\w*|хотел\w* бы|хоч\w*|добива\w*|настаива\w*|выступа\w* за)",
)

BOOL = {
    "non_assistance_to_aggressor": rx(rf"агрессор{W}*(?:\s+{W}+){{0,6}}?\s+(?:помощ|содейств|поддерж|помога){W}*",
                                      rf"(?:помощ|содейств|поддерж|помога){W}*(?:\s+{W}+){{0,6}}?\s+агрессор{W}*"),
    "territory_not_used_against": rx(rf"территори{W}*(?:\s+{W}+){{0,5}}?\s+использ{W}*", rf"использ{W}*(?:\s+{W}+){{0,4}}?\s+территори{W}*"),
    "intelligence_cooperation": rx(rf"спецслужб{W}*", rf"разведк{W}*", rf"развед{W}*\s+служб{W}*", rf"служб{W}*\s+безопасност{W}*"),
    "military_cooperation": rx(
        rf"военно-техническ{W}*\s+сотрудничеств{W}*", rf"военн{W}*\s+(?:сотрудничеств|связ|учени|контакт){W}*",
        rf"совместн{W}*\s+(?:военн{W}*\s+)?учени{W}*", rf"заход{W}*\s+(?:военн{W}*\s+)?корабл{W}*", rf"военно-техническ{W}*",
    ),
    "consultation_on_threats": rx(rf"(?:противодейств|консультац|совместн|сотруднича|координ|отражени|борьб){W}*(?:\s+{W}+){{0,5}}?\s+угроз{W}*"),
    "sanctions_opposition": rx(rf"(?:противодейств|против|противосто|обход|борьб){W}*(?:\s+{W}+){{0,4}}?\s+(?:{W}+\s+)?санкци{W}*",
                               rf"односторонн{W}*\s+(?:принудительн{W}*\s+мер|санкци){W}*"),
    "payment_systems_link": rx(rf"платежн{W}*\s+(?:систем|инфраструктур|карт){W}*", rf"национальн{W}*\s+валют{W}*", rf"межбанк{W}*", rf"Шетаб{W}*", r"\bSHETAB\b", r"СПФС"),
    "nuclear_energy_cooperation": rx(rf"мирн{W}*\s+атом{W}*", rf"атомн{W}*\s+(?:энерг|электростанц|станц){W}*", rf"ядерн{W}*\s+энерг{W}*", rf"Росатом{W}*"),
    "territorial_integrity": rx(rf"территориальн{W}*\s+целостност{W}*"),
}
NOT_NEGATABLE = {"non_assistance_to_aggressor", "territory_not_used_against"}

ARTICLE_COUNT = rx(rf"(?P<n>{NUMBER})\s+(?:отдельн{W}*\s+)?стат(?:ей|ьи|ья|ьях)")
DURATION = rx_each(
    rf"сроком\s+на\s+(?P<n>{NUMBER})\s+лет", rf"на\s+(?:ближайшие\s+|последующие\s+)?(?P<n>{NUMBER})\s+лет",
    rf"(?P<n>{NUMBER})-?летн{W}*\s+(?:перспектив|срок|договор|соглашени|партн[её]рств|период){W}*", rf"действ{W}*\s+(?P<n>{NUMBER})\s+лет",
    rf"(?P<n>двадцатилетн){W}*",
)
DURATION_EXCLUDE = re.compile(rf"(?:последни|прошедши|назад){W}*", I)
RENEWAL = rx(rf"автопродлени{W}*", rf"автоматическ{W}*\s+(?:{W}+\s+)?продл{W}*", rf"продл{W}*\s+автоматическ{W}*",
             rf"продлева{W}*\s+каждые", rf"может\s+быть\s+продл{W}*", rf"с\s+возможностью\s+продлени{W}*")
FIVE_YEARS = re.compile(rf"(?:пят{W}*|5)\s*(?:-?\s*летн{W}*|лет)|пятилетн{W}*|каждые\s+пять", I)
AUTOMATIC = re.compile(rf"авто{W}*|каждые", I)

ENTRY_RULE = rx(rf"через\s+(?P<n>{NUMBER})\s+(?:дней|день|дня)\s+после\s+(?P<what>{W}+)")
IN_FORCE_TRUE = rx(rf"вступ(?:ил|ила|ило|или)\s+в\s+(?:законную\s+)?силу", rf"вступлени{W}*\s+в\s+силу\s+(?:{W}+\s+){{0,2}}договор{W}*", rf"вступает\s+в\s+силу\s+сегодня", rf"действу{W}*\s+с\s+\d")
IN_FORCE_FUTURE = re.compile(rf"(?:вступит|вступят|вступать|вступить|вступает\s+в\s+силу\s+через|после\s+вступлени)", I)
IN_FORCE_FALSE = rx(rf"на\s+стадии\s+ратификаци{W}*", rf"(?:ещ[её]\s+)?не\s+вступил{W}*\s+в\s+силу", rf"ожида{W}*\s+ратификаци{W}*")

SIGN_CUE = rx(rf"подпис{W}*", rf"заключ{W}*")
RATIFY = rx(rf"ратифицирова{W}*", rf"одобр{W}*", rf"утверд{W}*", rf"принял{W}*\s+закон{W}*", rf"подписал{W}*\s+закон{W}*")
RATIFY_FUTURE = re.compile(rf"(?:должн|предстоит|будет|планиру|намерен|необходим){W}*\s+(?:{W}+\s+)?(?:ратифиц|одобр|утверд){W}*", I)
PARTY_CUES = {
    "IRN": rx(rf"Иран{W}*", rf"Меджлис{W}*", rf"Совет{W}*\s+стражей", rf"Тегеран{W}*", rf"Пезешкиан{W}*"),
    "RUS": rx(rf"Росси{W}*", rf"Госдум{W}*", rf"Государственн{W}*\s+Дум{W}*", rf"Совет{W}*\s+Федерации", rf"Путин{W}*", rf"Кремл{W}*", rf"Москв{W}*"),
}
BODIES = [
    (re.compile(rf"Госдум{W}*|Государственн{W}*\s+Дум{W}*", I), "State Duma"),
    (re.compile(rf"Совет{W}*\s+Федерации|Совфед{W}*", I), "Federation Council"),
    (re.compile(rf"Совет{W}*\s+стражей", I), "Guardian Council"),
    (re.compile(rf"Меджлис{W}*|парламент{W}*", I), "parliament"),
    (re.compile(rf"подписал{W}*\s+закон|президент{W}*", I), "President"),
]
NEEDS_RATIFICATION = rx(rf"необходим{W}*\s+(?:{W}+\s+){{0,2}}ратификаци{W}*", rf"подлеж{W}*\s+ратификаци{W}*",
                        rf"внес{W}*\s+(?:{W}+\s+){{0,4}}на\s+ратификаци{W}*", rf"процедур{W}*\s+ратификаци{W}*", rf"требует\s+ратификаци{W}*")
REPLACES = rx(rf"замен{W}*(?:[\s,]+{W}+){{0,10}}?[\s,]+(?:\d{{4}}|прежн{W}*|предыдущ{W}*|действовавш{W}*|действующ{W}*|стар{W}*|об\s+основах)",
              rf"(?:прежн|предыдущ){W}*\s+договор{W}*(?:\s+{W}+){{0,3}}\s+2001")
THIRD_COUNTRIES = rx(rf"направлен{W}*\s+против\s+(?:третьих|других|каких-либо)\s+(?:стран|государств){W}*")

SCOPE_CUE = rx(rf"сотруднич{W}*", rf"област{W}*", rf"сфер{W}*", rf"направлени{W}*", rf"включа{W}*", rf"охватыва{W}*",
               rf"вопрос{W}*", rf"аспект{W}*", rf"укреплени{W}*", rf"взаимодейств{W}*", rf"кооперац{W}*", rf"предусматрива{W}*")
B = r"(?<![А-Яа-яЁё])"  # Russian words have no \b under every engine setting: anchor explicitly

DOMAINS = [
    (rx(B + rf"оборон{W}*(?!\s+(?:союз|пакт))"), "defence"),
    (rx(B + rf"терроризм{W}*", B + rf"контртеррор{W}*"), "counter-terrorism"),
    (rx(B + rf"энергетик{W}*", B + rf"энергетическ{W}*"), "energy"),
    (rx(B + rf"финанс{W}*", B + rf"банковск{W}*"), "finance"),
    (rx(B + rf"транспорт{W}*", B + rf"логистик{W}*"), "transport"),
    (rx(B + rf"промышленност{W}*"), "industry"),
    (rx(B + rf"сельск{W}*\s+хозяйств{W}*", B + rf"агропромышленн{W}*"), "agriculture"),
    (rx(B + rf"культур{W}*"), "culture"),
    (rx(B + rf"наук{W}*", B + rf"научн{W}*"), "science"),
    (rx(B + rf"технолог{W}*"), "technology"),
    (rx(B + rf"информационн{W}*\s+безопасност{W}*", B + rf"кибер{W}*"), "cybersecurity"),
    (rx(B + rf"Каспи{W}*"), "caspian"),
    (rx(B + rf"эколог{W}*", B + rf"окружающ{W}*\s+сред{W}*", B + rf"климат{W}*"), "environment"),
    (rx(B + rf"отмывани{W}*"), "money-laundering"),
    (rx(B + rf"организованн{W}*\s+преступност{W}*"), "organised-crime"),
    (rx(B + rf"здравоохранени{W}*", B + rf"медицин{W}*"), "health"),
    (rx(B + rf"образовани{W}*"), "education"),
    (rx(B + rf"туризм{W}*"), "tourism"),
    (rx(B + rf"спорт{W}*"), "sport"),
    (rx(B + rf"СМИ", B + rf"медиа{W}*"), "media"),
    (rx(B + rf"космос{W}*", B + rf"космическ{W}*"), "space"),
]
NO_SCOPE_NEEDED = {"caspian"}
