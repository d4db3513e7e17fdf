"""English patterns for claim extraction. Data, not logic: the engine in extract.py reads them."""

import re

from accord.press.claims.values import NUMBER

I = re.I


def rx(*alternatives: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), I)


def rx_each(*alternatives: str) -> tuple[re.Pattern, ...]:
    """Separately compiled alternatives, for patterns that each name the same group."""
    return tuple(re.compile(a, I) for a in alternatives)


MUTUAL_DEFENSE = rx(
    r"\b(?:mutual|collective|common|joint)[- ](?:defen[cs]e|military (?:assistance|aid|support)|security guarantees?)",
    r"\bdefen[cs]e (?:pact|treaty|alliance|clause|commitments?|obligations?|guarantees?)\b",
    r"\bdefen[cs]e agreement\b",
    r"\bmilitary (?:alliance|bloc|pact|commitments?|obligations?|coalition)\b",
    r"\bsecurity pact\b",
    r"\b(?:obliges?|obliged|obligates?|obligated|commits?|committed|bound|requires?|required|promises?|pledges?)\b(?:\s+[\w']+){0,5}?\s+(?:to\s+)?(?:defend|come to [\w']+(?:\s+[\w']+)?\s+(?:aid|defen[cs]e|assistance|rescue)|send troops|fight for)",
    # "would have to help Iran militarily": an obligation to give military help, whoever must give it
    r"\b(?:obliges?|obliged|obligates?|obligated|commits?|committed|bound|requires?|required|must|has to|have to)\b(?:\s+[\w']+){0,5}?\s+(?:to\s+)?(?:defend|help|assist|aid|support|protect)\b(?:\W+[\w']+){0,3}?\W+militarily\b",
    r"\bcommit militarily\b",
    r"\bmilitary (?:assistance|aid|help) (?:to each other|if (?:either|one) (?:is|were) attacked|in (?:the )?(?:case|event) of (?:an )?(?:attack|aggression|war))",
    r"\battack on (?:one|either)(?: party)? (?:is|would be|will be) (?:considered|treated|regarded|deemed) (?:as )?an? (?:attack|aggression) (?:on|against) (?:both|all|the other)",
    r"\b(?:immediately|at once) provide military and other assistance\b",
    r"\b(?:must|shall|will|would|has to|have to|is to|are to)\s+(?:\w+\s+){0,3}?(?:help|assist|aid|defend|protect)\b(?:\W+\w+){0,3}?\W+(?:if|when|in case|in the event)\b(?:\W+\w+){0,4}?\W+(?:attacked|invaded|aggression|attack)",
)

# Wishes and proposals assert nothing about what a treaty says: "critics called for a defence pact".
DESIRE = rx(
    r"\b(?:call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|want(?:s|ed|ing)?|hop(?:e|es|ed|ing) for|would (?:like|prefer)|wish(?:es|ed)? for"
    r"|propos(?:e|es|ed|ing)|demand(?:s|ed|ing)?|push(?:es|ed|ing)? for|advocat(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying) for)\b",
)

BOOL = {
    "non_assistance_to_aggressor": rx(
        r"\b(?:help\w*|assist\w*|aid|support\w*|render\w*|provid\w*|non-provision)\b(?:\W+\w+){0,8}?\W+(?:an? |any |the )?(?:aggressors?|attackers?)\b",
        r"\baggressors?\b(?:\W+\w+){0,4}?\W+(?:help|assistance|aid|support)\b",
    ),
    "territory_not_used_against": rx(
        r"\bterritor(?:y|ies)\b(?:\W+\w+){0,6}?\W+(?:be used|used|use|to host|host|as (?:a )?bases?|for launching|staging)\b",
    ),
    "intelligence_cooperation": rx(
        r"\bintelligence(?:-| and | )(?:security )?(?:services|agencies|cooperation|sharing|exchange|community|communities)",
        r"\bshare (?:\w+ )?intelligence\b", r"\bsecurity services\b", r"\bspecial services\b",
        r"\bintelligence\b(?:\W+\w+){0,4}?\W+(?:exchange|share|sharing|cooperat\w+)",
    ),
    "military_cooperation": rx(
        r"\bmilitary[- ]technical (?:cooperation|collaboration|ties|assistance)",
        r"\bmilitary (?:cooperation|ties|collaboration|exercises|drills|training|contacts|exchanges)",
        r"\bjoint (?:military )?(?:exercises|drills|training|manoeuvres|maneuvers)\b",
        r"\bport (?:calls|visits)\b", r"\bwarships?\b", r"\bdefen[cs]e (?:technology|technologies|industr\w+)",
        r"\btraining of (?:\w+ )?(?:officers|military|personnel|troops)",
        r"\b(?:defen[cs]e|military) and (?:military|defen[cs]e|security) (?:cooperation|ties|collaboration)",
        r"\bmilitary(?=,\s+\w+(?:,\s+\w+)*,? and \w+ (?:fields|areas|spheres|sectors|domains))",
    ),
    "consultation_on_threats": rx(
        r"\b(?:counter\w*|address\w*|confront\w*|combat\w*|tackl\w*|respond\w* to|against|consult\w*|coordinat\w*|work together to)\b(?:\W+\w+){0,5}?\W+(?:threats?)\b",
    ),
    "sanctions_opposition": rx(
        r"\b(?:oppos\w*|counter\w*|resist\w*|confront\w*|circumvent\w*|fight\w*|combat\w*|against|reject\w*|undermin\w*|mitigat\w*|evad\w*)\b(?:\W+\w+){0,4}?\W+(?:\w+ )?sanctions\b",
        r"\bunilateral coercive measures\b",
    ),
    "payment_systems_link": rx(
        r"\bpayment (?:systems?|infrastructure|cards?|networks?)\b", r"\bSHETAB\b", r"\bnational currencies\b",
        r"\binterbank\b", r"\bcooperation between (?:the )?banks\b", r"\bfinancial messaging\b", r"\bSPFS\b",
        r"\bshared financial services\b", r"\bbanking (?:systems?|networks?|links?) (?:\w+ ){0,3}(?:link|connect|integrat)\w*",
    ),
    "nuclear_energy_cooperation": rx(
        r"\b(?:peaceful )?(?:use of )?nuclear (?:energy|power)\b", r"\batomic energy\b", r"\bRosatom\b", r"\bpeaceful atom\b",
        r"\bnuclear(?=,? and \w+ (?:fields|areas|spheres|sectors))", r"\bnuclear(?=,\s+\w+(?:,\s+\w+)*,? and \w+ (?:fields|areas|spheres|sectors|domains))",
    ),
    "territorial_integrity": rx(r"\bterritorial integrity\b"),
}
# Claims whose own wording is a negation ("shall not help the aggressor"): negation does not flip them.
NOT_NEGATABLE = {"non_assistance_to_aggressor", "territory_not_used_against"}

ARTICLE_COUNT = rx(rf"\b(?P<n>{NUMBER})\s+(?:separate\s+|distinct\s+|main\s+)?(?:articles|clauses|sections|chapters and articles)\b")
DURATION = rx_each(
    rf"\b(?P<n>{NUMBER})[- ]year\b(?:\W+\w+){{0,3}}?\W+(?:pact|treaty|agreement|partnership|deal|framework|term|period|accord|strategic|roadmap|cooperation|programme|program)",
    rf"\bfor (?:the )?(?:next |coming |following |a period of |a term of |an initial |another )?(?P<n>{NUMBER}) years\b",
    rf"\b(?:term|period|duration|validity) of (?P<n>{NUMBER}) years\b", rf"\b(?P<n>{NUMBER})-year term\b",
    rf"\bvalid for (?P<n>{NUMBER}) years\b",
)
DURATION_EXCLUDE = re.compile(r"\b(?:past|last|previous|ago)\b", I)
RENEWAL = rx(
    r"\bautomatic(?:ally)?\s+(?:[\w-]+\s+){0,2}?(?:renew\w*|exten\w*|prolong\w*)", r"\b(?:renew\w*|exten\w*|prolong\w*)\s+automatically\b",
    r"\bextended twice\b", r"\bcan be (?:extended|renewed|prolonged)\b", r"\b(?:renewable|extendable)\b",
    r"\boption to (?:extend|renew)\b", r"\bpossibility of (?:\w+ )?(?:extension|renewal)\b",
)
FIVE_YEARS = re.compile(r"\b(?:five|5)[- ]years?\b", I)
AUTOMATIC = re.compile(r"\bautomatic|extended twice|each time\b", I)

ENTRY_RULE = rx(rf"\b(?P<n>{NUMBER}) days (?:after|following|from) (?:the )?(?P<what>\w+(?: \w+)?)")
IN_FORCE_TRUE = rx(
    r"\b(?:came|come|comes|entered|enter|enters|went|goes|gone) into (?:force|effect)\b",
    r"\b(?:took|has taken|takes) effect\b", r"\b(?:is|now|officially|formally|already) in force\b",
    r"\bentry into force of\b", r"\bentered into legal force\b",
)
IN_FORCE_FUTURE = re.compile(r"\b(?:will|would|shall|could|can|to|must|before it|once it|after it|until it)\s+(?:\w+\s+)?(?:come|enter|take)", I)
IN_FORCE_FALSE = rx(r"\bnot yet (?:in force|entered into force|been ratified|ratified)\b", r"\byet to (?:enter|come) into force\b", r"\bawaiting ratification\b", r"\bpending ratification\b")

SIGN_CUE = rx(r"\bsign(?:s|ed|ing|ature|atories)?\b", r"\binked\b", r"\bconclud(?:ed|ing)\b", r"\bceremony\b")
RATIFY = rx(
    r"\b(?:ratified|ratifies|ratify(?:ing)?|approved|approves|approving|endorsed|endorses|passed|adopted)\b",
    r"\bratification (?:of (?:\w+ ){1,3})?by\b",
    r"\bvoted (?:\w+ ){0,3}(?:to (?:ratify|approve)|in favou?r)\b", r"\bsigned (?:\w+ ){0,3}(?:into law|legislation|the law|a law|the bill|ratification law)\b",
)
RATIFY_FUTURE = re.compile(r"(?<!voted )(?<!voted to )\b(?:will|would|(?<!voted )to|must|should|shall|expected to|set to|needs? to|has to|yet to|before)\s+(?:\w+\s+)?(?:ratif|approv|endors|vote)", I)
PARTY_CUES = {
    "IRN": rx(r"\bIran\w*", r"\bMajlis\b", r"\bGuardian Council\b", r"\bTehran\b", r"\bPezeshkian\b"),
    "RUS": rx(r"\bRussia\w*", r"\bDuma\b", r"\bFederation Council\b", r"\bPutin\b", r"\bKremlin\b", r"\bMoscow\b"),
}
BODIES = [
    (re.compile(r"State Duma|\bDuma\b|lower house", I), "State Duma"),
    (re.compile(r"Federation Council|upper house", I), "Federation Council"),
    (re.compile(r"Guardian Council", I), "Guardian Council"),
    (re.compile(r"Majlis|parliament|lawmakers|legislat\w+", I), "parliament"),
    (re.compile(r"\bsigned\b.{0,40}\b(?:law|legislation)|president", I), "President"),
]
NEEDS_RATIFICATION = rx(
    r"\brequires? (?:\w+ ){0,2}(?:approval|ratification)", r"\bmust (?:still |first )?be (?:ratified|approved)",
    r"\b(?:will|would|has to|have to|needs? to|need to|yet to|expected to|set to|must) (?:\w+ )?(?:ratify|be ratified)\b",
    r"\bsubject to (?:\w+ )?(?:ratification|approval)", r"\bratification (?:process|procedures?)\b",
    r"\bbefore it can (?:come|enter) into force\b", r"\b(?:regarding|on|about) the ratification\b",
    r"\bsubmitted (?:\w+ ){0,3}(?:for ratification|to (?:the )?(?:parliament|Duma|Majlis))",
)
REPLACES = rx(
    r"\b(?:replac\w*|supersed\w*|succeed\w*|updat\w*|substitut\w*)\b(?:\W+\w+){0,12}?\W+(?:2001|previous|earlier|old|outdated|former|current|existing|foundations of relations)\b",
    r"\b(?:previous|earlier|old|former) (?:\w+ ){0,2}(?:treaty|agreement) (?:\w+ ){0,4}(?:in )?2001\b",
)
THIRD_COUNTRIES = rx(r"\b(?:directed|aimed|targeted|pointed)\s+(?:\w+\s+){0,2}?against\s+(?:any\s+)?(?:third|other|another)\s+(?:countr\w+|states?|parties|nations)",
                     r"\bagainst (?:any )?third (?:countr\w+|states?|parties)")

SCOPE_CUE = rx(r"\bcooperat\w*", r"\bcollaborat\w*", r"\bfields?\b", r"\bareas?\b", r"\bsectors?\b", r"\bspheres?\b",
               r"\bdomains?\b", r"\bincluding\b", r"\bsuch as\b", r"\bcover\w*", r"\branging\b", r"\bties\b",
               r"\bpartnership\b", r"\bprovisions?\b", r"\bissues\b", r"\bcapabilit\w+", r"\bclauses?\b", r"\bemphasi\w+")
DOMAINS = [
    (rx(r"\bdefen[cs]e\b(?!\s+(?:pact|clause|treaty|alliance|agreement|obligations?|commitments?|guarantees?|minist\w+))"), "defence"),
    (rx(r"\bcounter-?terrorism\b", r"\b(?:terrorism|terrorist)\b"), "counter-terrorism"),
    (rx(r"\benergy\b"), "energy"),
    (rx(r"\bfinanc\w*\b", r"\bbanking\b"), "finance"),
    (rx(r"\btransport\w*\b", r"\blogistics\b"), "transport"),
    (rx(r"\bindustr\w*\b"), "industry"),
    (rx(r"\bagricultur\w*\b"), "agriculture"),
    (rx(r"\bcultur\w*\b"), "culture"),
    (rx(r"\bscien\w*\b"), "science"),
    (rx(r"\btechnolog\w*\b", r"\btechnical fields\b", r"\bengineering\b"), "technology"),
    (rx(r"\bcyber\w*\b", r"\binformation security\b"), "cybersecurity"),
    (rx(r"\bCaspian\b"), "caspian"),
    (rx(r"\benvironment\w*\b", r"\bclimate change\b", r"\becolog\w*\b"), "environment"),
    (rx(r"\bmoney[- ]laundering\b"), "money-laundering"),
    (rx(r"\borgani[sz]ed crimes?\b"), "organised-crime"),
    (rx(r"\bhealth\w*\b", r"\bmedicine\b"), "health"),
    (rx(r"\beducation\w*\b"), "education"),
    (rx(r"\btouris\w*\b"), "tourism"),
    (rx(r"\bsports?\b"), "sport"),
    (rx(r"\bmedia\b"), "media"),
    (rx(r"\bspace\b(?! for)", r"\bouter space\b"), "space"),
]
NO_SCOPE_NEEDED = {"caspian"}
