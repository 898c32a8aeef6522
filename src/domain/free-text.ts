// Reads a manager's plain-text report ("позвонил в Ромашку, договорились о встрече",
// "closed Acme for 50k") into proposed entries. Pure: the text, the manager's known
// clients and a word analyser in, proposals out. Nothing here stores anything; the
// bot shows the proposals and stores them only after the manager confirms.
import { parseAmount } from "./amounts.js";
import type { DayRef } from "./backdating.js";
import { compact, type KnownClients, lookupKnown, matchKnownAt, prepareKnownClients } from "./client-match.js";
import { MAX_CLIENT_LENGTH, MAX_REASON_LENGTH, type ParsedEntry } from "./entry-parsing.js";
import { clientKey } from "./pipeline.js";
import { isActivityKind, type ReadPhrases, type TextAlias } from "./text-aliases.js";
import type { ActivityKind, CallOutcome } from "./types.js";

/** Grammatical cases a preposition allows for the name after it (OpenCorpora names). */
export type GramCase = "nomn" | "gent" | "datv" | "accs" | "ablt" | "loct";

/** A word's dictionary analysis: its base form (nominative) and part of speech. */
export interface WordAnalysis {
  base: string;
  pos: "noun" | "adj" | "verb" | "other";
  /** A dictionary reading as a proper name: surname, first name, organisation, place. */
  proper?: "surname" | "name" | "org" | "geo";
  /** The word can be a nominative singular as typed, so a name typed so stays as typed. */
  nominative?: boolean;
  /** A verb's tense or mood: what is done ("отправил") versus planned ("отправлю", "напомни"). */
  tense?: "past" | "pres" | "futr" | "impr" | "infn";
}

/**
 * Analyses one Russian word, preferring readings in `cases`; null when it has no
 * idea. The bot plugs in a morphology dictionary; without one, simple ending rules.
 */
export type Morphology = (word: string, cases: readonly GramCase[] | null) => WordAnalysis | null;

export interface ProposedEntry extends ParsedEntry {
  /** A client name that is not among the manager's known clients. */
  clientIsNew: boolean;
  /** What must still be given before it can be stored. */
  missing: "amount" | "client" | null;
  /** The earlier day it happened ("вчера", "в пятницу"); null: the day the message was sent. */
  day: DayRef | null;
  /** The words each value was read from, so a correction teaches the team what they mean. */
  phrases?: ReadPhrases;
}

/** Why a message has nothing to log: a question, a plan or reminder, a complaint about the bot. */
export type NothingReason = "question" | "plan" | "complaint";

export type ReadingNote = "currency" | "past_day" | "amount_invalid";

export interface FreeTextReading {
  entries: ProposedEntry[];
  /** No event word was found: the entries (if any) are a guess from weaker hints. */
  guessed: boolean;
  /** One complete entry read from clear words, safe to store without asking. */
  confident: boolean;
  notes: ReadingNote[];
  /** Set when the message logs nothing by its nature; `entries` is then empty. */
  nothing: NothingReason | null;
}

const L = "\\p{L}";
/**
 * `word` where `before` comes right before it: checked only where the word matched, so a long
 * "before" does not cost a look back from every position of the text.
 */
const preceded = (before: string, word: string) => `${word}(?<=${before}${word})`;
/** A word-start-anchored pattern (JavaScript's \b does not know Cyrillic). */
const w = (src: string) => new RegExp(`(?<![${L}\\d])(?:${src})`, "giu");

// A contact met at an exhibition or a conference is a lead, whatever verb says how it was met.
const EXPO =
  "(?:с|на)\\s+(?:выставк|конференц|форум|выставочн)\\p{L}*|(?:at|from)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:expo|trade\\s*show|exhibition|conference|trade\\s+fair|fair)(?![\\p{L}])";
const EXPO_RE = w(EXPO);
// A video meeting is a meeting: "zoom call", "созвон в зуме" name the medium, not a phone call.
const VIDEO =
  "zoom|зум\\p{L}*|видеозвон\\p{L}*|видеосвяз\\p{L}*|видеоконф\\p{L}*|video\\s*(?:call|chat|conference)|google\\s+meet|(?:ms\\s+)?teams\\s+(?:call|meeting)|skype|скайп\\p{L}*|webex";
const VIDEO_RE = w(VIDEO);

// The order is the priority when one clause names several kinds: "отказались от КП"
// is a loss, "сделка по КП" a deal, "презентация на встрече" a presentation.
const KIND_PATTERNS: [ActivityKind, RegExp][] = [
  [
    "lost",
    w(
      "отказ|отказал|отказались|сказал[аи]?\\s+нет|(?<!пока\\s)(?:не\\s+актуальн|неактуальн)\\p{L}*|(?:слил(?:ся|ись|ась|и)|соскочил\\p{L}*|спрыгнул\\p{L}*)(?!\\s+(?:со?\\s+)?(?:встреч|демо|созвон|звонк|през))|(?:выигра|победил)\\p{L}*\\s+(?:друг|конкурент)\\p{L}*|потерял|потеряли|передумал|сорвал|не\\s+будут|не\\s+буд(?:ет|ем)\\s+(?:\\p{L}+\\s+)?(?:покупа|бра|заказыва|работа|подписыва|продлева|сотруднича)\\p{L}*|(?:won'?t|will\\s+not|not\\s+going\\s+to)\\s+(?:buy|sign|renew|proceed|go\\s+ahead|move\\s+forward)|не\\s+интерес|неинтерес|(?:уш(?:[её]л|ла|ли)|переш(?:[её]л|ла|ли)|ушл[аи]|достал\\p{L}*)\\s+(?:(?:к|в)\\s+)?(?:конкурент|другом|другой|другим)|выбрали\\s+(?:другого|другой|другую|других|конкурент)|проигра[лн]\\p{L}*|пролетел\\p{L}*|отвалил|съехал|no\\s+go(?![\\p{L}])|not\\s+moving\\s+forward|won'?t\\s+(?:move|go)\\s+forward|decided\\s+(?:against|not\\s+to)|нашли\\s+(?:\\p{L}+\\s+)?(?:дешевл|другого|другую|другой)|купили\\s+у\\s+(?:других|другого|конкурент)|стоп-?лист|расторг\\p{L}*|отменил\\p{L}*\\s+(?:заказ|сделк|договор|контракт)|cancel+ed\\s+(?:the\\s+|their\\s+)?(?:deal|contract|order)|заморозил\\p{L}*|выбрал\\p{L}*\\s+(?:конкурент|другого|другую|другой)|lost|declined|refused|rejected|passed\\s+on|not\\s+interested|(?:went|gone)\\s+with|(?:chose|picked|selected|opted\\s+for|switched\\s+to|going\\s+with)\\s+(?:an?\\s+|another\\s+|the\\s+other\\s+|other\\s+|a\\s+different\\s+|some\\s+)?(?:competitor|vendor|supplier|provider|partner|contractor|agency|someone|somebody)|(?:chose|picked|selected|opted\\s+for|switched\\s+to)\\s+(?:another|a\\s+different|the\\s+other)(?![\\p{L}])|passed(?=\\s*(?:$|[.,;!)—–-])|\\s+for\\s+now)|(?:chose|picked|selected|opted\\s+for|went\\s+with|going\\s+with)\\s+(?:an?\\s+)?(?:cheaper|different|alternative|competing)(?![\\p{L}])|stay\\p{L}*\\s+with\\s+(?:their|the|its|his|her)\\s+(?:current|existing|old|incumbent|present)|оста[лт]\\p{L}*\\s+(?:со?\\s+)?(?:старым|текущим|своим|прежним|нынешним)|pulled\\s+(?:out|the\\s+plug)|closed[\\s-]+lost|not\\s+a\\s+(?:good\\s+)?fit|no\\s+longer\\s+(?:interested|a\\s+fit|pursuing|moving)|build(?:ing)?\\s+(?:it\\s+)?in-?house|не\\s+прош\\p{L}*\\s+по\\s+(?:бюджету|цене|деньгам)|решил\\p{L}*\\s+не\\s+(?:брать|покупать|заказывать|продолжать|работать|подписывать|продлевать|идти)|killed\\s+(?:the\\s+|our\\s+)?(?:deal|project|contract|order)|deal(?:'s|\\s+is)\\s+off|budget\\s+(?:was\\s+)?(?:cut|frozen|slashed)|(?:cut|froze|slashed)\\s+(?:the\\s+|their\\s+)?budget|урезал\\p{L}*\\s+бюджет|бюджет\\s+урезал\\p{L}*|walked\\s+away|bailed|backed\\s+out|dropped\\s+out|said\\s+no|turned\\s+(?:us\\s+)?down|fell\\s+through|churned",
    ),
  ],
  [
    "deal",
    w(
      "accepted\\s+(?:our\\s+|the\\s+|my\\s+)?(?:offer|proposal|quote|terms)|confirmed\\s+(?:the\\s+|their\\s+|an?\\s+)?order|приняли\\s+(?:наше\\s+)?(?:кп|предложени\\p{L}*|условия)|подтвердили\\s+заказ|сделк|деал|po(?![\\p{L}])|purchase\\s+order|countersigned|продал|продали|продажа|подписал|(?:за)?купил\\p{L}*|заказал[аи]?(?![\\p{L}])|отгрузил\\p{L}*|деньги\\s+упали|упали\\s+деньги|ударили\\s+по\\s+рукам|дал[аи]?\\s+добро|дожал\\p{L}*|продлил\\p{L}*|продлени\\p{L}*|renewed|renewal|перев[её]л\\p{L}*\\s+(?:деньги|оплату|аванс|предоплату|средства)|перечислил\\p{L}*|(?:пришли|поступили)\\s+деньги|деньги\\s+(?:пришли|поступили|на\\s+сч[её]те)|закрыт[аоы]?(?![\\p{L}])|wired|transferred|payment\\s+received|(?<!на\\s)(?:пред)?оплат\\p{L}*|аванс(?![\\p{L}])|занес(?:ли|ла)?(?![\\p{L}])|занёс|выигра[лн]\\p{L}*|prepayment|deposit|down\\s+payment|подписали|подписан|оплатил|оплатили|оплачен|(?<!на\\s)оплат[аиу]|заплатил\\p{L}*|received\\s+(?:the\\s+)?payment|payment\\s+from|заключил|закрыл(?!ся|ась|ись|ось)|законтрактовал|купили|deal|closed|closing|won\\b|sold|signed|paid|purchase|bought",
    ),
  ],
  [
    "proposal",
    w(
      "т?кп(?:э?ш?к\\p{L}*)?(?![\\p{L}])|выставил\\p{L}*\\s+(?:им\\s+|ему\\s+|ей\\s+)?на\\s+(?=\\d|пол|сотк)|kp(?![\\p{L}])|тендерн\\p{L}*\\s+(?:заявк|документ)|прайс\\p{L}*|расч[её]т(?:ы)?(?![\\p{L}])|pricing|price\\s+list|коммерческ(?!\\p{L}*\\s+(?:директор|отдел|служб|руковод|менеджер|департамент|зам))|предложени|оффер|смет[уаыое]|договор\\p{L}*\\s+(?:\\p{L}+\\s+)?на\\s+подпис|(?:отправил\\p{L}*|выслал\\p{L}*|скинул\\p{L}*)\\s+договор|" +
        preceded("(?:выставил|отправил|выслал|с?кинул|направил)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}", "сч[её]т") +
        "\\p{L}*|сч[её]т\\p{L}*(?=\\s+(?:\\S+\\s+){0,3}(?:выставил|выставлен|отправил|отправлен|выслал|скинул))|(?:заявк\\p{L}*|документ\\p{L}*)\\s+(?:\\p{L}+\\s+)?(?:в|на)\\s+(?:участие\\s+в\\s+)?тендер|" +
        preceded(
          "(?:sent|emailed|forwarded|shared|dropped|shot|mailed|passed\\s+along)\\s+(?:over\\s+)?(?:\\S+\\s+){0,3}",
          "(?:contract|agreement|price|deck|slides|estimate|terms|specs?|msa|nda)",
        ) +
        "(?![\\p{L}])|(?:for|to)\\s+(?:e-?)?signature|на\\s+подпис\\p{L}*|bids?(?![\\p{L}])|tender\\s+(?:application|submission|documents)|" +
        preceded(
          "(?:отправил|скинул|выслал|сбросил|направил)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}",
          "(?:през[аыуе]|презентаци\\p{L}*|цен[уыа]|ценник\\p{L}*)",
        ) +
        "(?![\\p{L}])|sent\\s+(?:over\\s+)?(?:the\\s+|a\\s+|our\\s+)?(?:deck|slides|presentation)|estimate|invoice|sow(?![\\p{L}])|statement\\s+of\\s+work|rf[pq](?![\\p{L}])|bid\\s+submitted|proposal|quote|quotation|offer",
    ),
  ],
  [
    "presentation",
    w(
      "презент|през[аыуе]|презой|демо|демк|демонстрац|показ(?:ал|ала|али|ыва\\p{L}*)|показ(?![\\p{L}])|demo|present|pitch|showed|walked(?=\\s+\\p{L}+\\s+through)|walkthrough|webinar|вебинар",
    ),
  ],
  [
    "meeting",
    w(
      `встрет(?:ил|ились|ился|илась|ила)|встр?еч[аиуе]|встреча|провел[аи]?\\s+встреч|был[аи]?\\s+(?:(?:с|со)\\s+\\p{L}+\\s+)?у\\s|(?:заш[её]л|зашла|зашли|забежал\\p{L}*|заскочил\\p{L}*)\\s+(?:к|в)\\s|был[аи]?\\s+в\\s+офисе|посетил\\p{L}*|(?:по)?(?:обедал|ужинал|завтракал)\\p{L}*|${preceded("(?:^|\\s)у\\s+(?!(?:нас|них|него|нее|неё|меня|тебя|вас)\\s)\\S+\\s+(?:\\p{Lu}?\\S+\\s+)?", "был[аи]?")}(?=\\s*(?:$|[.,;!—–-]))|${VIDEO}|побывал[аи]?\\s+(?:у|в)\\s|переговор(?:ы|ах|ов)|приезжал\\p{L}*|dropped\\s+by|съездил|ездил|заехал|в\\s+гостях|выезд|визит|met(?![\\p{L}])|meeting|qbr(?![\\p{L}])|kick-?off|mtg(?![\\p{L}])|meet(?![\\p{L}])|visited|visit|sat\\s+down\\s+with|in[-\\s]person|(?:lunch|dinner|coffee|breakfast)\\s+(?:with|w/?)(?![\\p{L}])|on-?site(?![\\p{L}])|site\\s+visit|(?:обед|ужин|завтрак|кофе)\\s+(?:с|со)(?![\\p{L}])|лично|вживую|очно|face\\s+to\\s+face|${preceded("(?:at|in)\\s+(?:\\S+\\s+)?", "(?:office|offices|hq|headquarters|premises|plant|factory|warehouse)")}(?![\\p{L}])|came\\s+(?:to|by|over)(?![\\p{L}])|приехал\\p{L}*\\s+к\\s+нам|был[аи]?\\s+у\\s+нас|(?:в|во)\\s+(?:кафе|ресторан\\p{L}*|кофейн\\p{L}*)|over\\s+(?:coffee|lunch|dinner|drinks)|(?:at|in)\\s+(?:a|the|their)\\s+(?:cafe|café|restaurant|coffee\\s+shop)`,
    ),
  ],
  [
    "call",
    w(
      "по\\s+телефону|(?:не)?(?:по|пере|от|со|про|до|за|об)?звон|звякнул|набрал|набирал|трубк|прозвон|called|call|calls|calling|rang|phoned|phone|dialed|dialled|ring|followed\\s+up",
    ),
  ],
  [
    "lead",
    w(
      `${EXPO}|referral|referred\\s+(?:by|to|us)|по\\s+рекомендаци\\p{L}*|порекомендовал\\p{L}*|сарафан\\p{L}*|` +
        "сами\\s+(?:\\p{L}+\\s+)?(?:позвонил|набрал|вышл|выш[её]л|обратил|написал)\\p{L}*|(?:позвонил|набрал|вышл|выш[её]л|написал)\\p{L}*\\s+сами|(?:called|rang|phoned|reached\\s+out\\s+to)\\s+us|called\\s+in(?![\\p{L}])|" +
        "(?:приш[её]л|пришл[аи]|появил\\p{L}*|заш[её]л|зашл[аи]|обратил\\p{L}*)\\s+(?:\\p{L}+\\s+)?(?:клиент|лид|заявк|запрос|контакт)|(?:взял|получил|дал[аи]?)\\p{L}*\\s+контакт|" +
        "(?:from|via|through)\\s+(?:the\\s+|our\\s+)?(?:website|site|web\\s+form|landing)|(?:website|web|contact|site)\\s+form|" +
        "нов(?:ый|ая|ого|ое|ые)\\s+(?:лид|клиент|контакт|заявк)|наш[её]л\\p{L}*\\s+(?:нов\\p{L}*\\s+)?(?:клиент|лид|контакт|заказчик)\\p{L}*|через\\s+знаком\\p{L}*|лид(?![\\p{L}])|лида|заявк|входящ|обратил|new\\s+(?:lead|client|prospect|contact|customer)|(?:new|inbound|hot|warm|fresh)\\s+lead|lead\\s*:|lead\\s+from|inbound|inquiry|enquiry|new\\s+prospect|reached\\s+out|lead\\s+came\\s+in|came\\s+in\\s+(?:from|via|through)|filled\\s+(?:out\\s+|in\\s+)?(?:the\\s+|a\\s+|our\\s+)?form|(?:demo|quote|pricing)\\s+request|запрос\\s+(?:на|с\\s+сайта)|запрос\\s+(?:\\p{L}+\\s+)?(?:кп|прайс|цен|демо|презентаци|расч[её]т|коммерческ|предложени|сч[её]т)|(?:нов\\p{L}*\\s+)?обращени\\p{L}*",
    ),
  ],
];

const CALL_WORD = KIND_PATTERNS.find(([k]) => k === "call")![1];
const NOANSWER = w(
  // A number that cannot be reached ("телефон выключен", "number disconnected", "wrong number"),
  // a gatekeeper by any title, "busy" said of the callee, a voicemail by any spelling, or
  // "nothing" alone after a call: a call not reached.
  "вне\\s+(?:зоны|доступа|сети|связи)|голосов\\p{L}*\\s+почт\\p{L}*|(?:nobody|no\\s+one|noone)\\s+(?:was\\s+)?(?:home|there|in)|rang\\s+out|l\\.?v\\.?m(?![\\p{L}])|no[\\s-]+answer|попал\\p{L}*\\s+на\\s+(?:секретар|автоответчик|ресепш|помощни)\\p{L}*|(?:got|reached)\\s+(?:the\\s+|their\\s+)?(?:gatekeeper|receptionist|secretary|front\\s+desk|answering\\s+machine)|(?:line|number|phone)\\s+(?:was\\s+|is\\s+)?engaged|engaged\\s+tone|no\\s+ans(?![\\p{L}])|" +
    preceded(
      "(?:call|dial|rang|ring|phon|tried|звон|набир|набра|пытал)\\p{L}*(?:\\s+\\S+){0,6}\\s+",
      "(?:no\\s+luck|no\\s+joy|безрезультатно|глухо|впустую|nothing)",
    ) +
    "(?![\\p{L}])|(?:couldn'?t|could\\s+not|can'?t|cannot|unable\\s+to|wasn'?t\\s+able\\s+to)\\s+(?:get\\s+(?:a\\s+)?hold\\s+of|get\\s+through|reach|connect|talk|speak|catch)|rang\\s+and\\s+rang|(?:he|she|they)(?:'s|'re|\\s+is|\\s+are|\\s+was|\\s+were)\\s+(?:out|away|not\\s+in|on\\s+(?:vacation|holiday|leave))(?![\\p{L}])|out\\s+of\\s+(?:the\\s+)?office|screened\\s+(?:me\\s+)?out|got\\s+screened|не\\s+ал[её]|(?:нет|не\\s+было|не\\s+будет)\\s+на\\s+месте|(?:трубк\\p{L}*\\s+не|не\\s+(?:\\p{L}+\\s+)?)(?:бер|брал|взял|сним|снял|подним|поднял)\\p{L}*(?=\\s+трубк|\\s*$|[\\s,.!—–-])|" +
    // The gatekeeper's employer between stays outside the match, to be read as the client.
    "" +
    preceded(
      "(?:секретар|ресепшн|ресепш|помощни|приемн|приёмн)\\p{L}*\\s+(?:\\S+\\s+){0,2}",
      "(?:не\\s+(?:соедин|пропуст|пуска|переключ)|отшил|отфутболил|развернул|послал)",
    ) +
    "\\p{L}*|" +
    "(?:телефон|номер|абонент|мобильн)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:выключен|отключен|заблокирован|не\\s+обслужива)\\p{L}*|выключен\\p{L}*|(?:не\\s+тот|неправильн\\p{L}*|неверн\\p{L}*)\\s+номер|номер\\s+не\\s+существует|disconnected|wrong\\s+number|out\\s+of\\s+service|not\\s+in\\s+service|" +
    preceded(
      "(?:receptionist|secretary|assistant|front\\s+desk)\\s+(?:\\S+\\s+){0,2}",
      "(?:wouldn'?t|would\\s+not|didn'?t|did\\s+not|refused\\s+to|won'?t)\\s+(?:put|transfer|connect|let)",
    ) +
    "|wouldn'?t\\s+(?:transfer|connect)|(?<=\\p{L}\\s)busy(?=\\s*(?:$|[.,;!)—–-]))|voice\\s*mail|vm(?![\\p{L}])|^(?:nothing|nada|no\\s+luck|ничего|глухо|безрезультатно)$|not\\s+pick\\p{L}*\\s+up|no\\s+pick-?up|phone\\s+(?:was\\s+|is\\s+)?(?:off|dead)|switched\\s+off|turned\\s+off|не\\s+застал\\p{L}*|(?:не\\s+был\\p{L}*\\s+на\\s+связи|на\\s+связи\\s+не\\s+был\\p{L}*)|вне\\s+сети|там\\s+никого|никого\\s+нет|сбрасыва\\p{L}*|не\\s+пропустил\\p{L}*|не\\s+пуска\\p{L}*|без\\s+ответа|не\\s+достуч\\p{L}*|didn'?t(?=\\s*(?:$|[.,;!]))|не\\s+(?:мог\\p{L}*|могу|удал\\p{L}*|получ\\p{L}*)\\s+(?:до|про)звон|не\\s+(?:взял|взяла|взяли|берет|берут|бер[её]т|брал[аи]?|отвечает|отвечают|ответил[аи]?)(?![\\p{L}])|секретар\\p{L}*\\s+не\\s+соедин|не\\s+соедин|сбросил\\p{L}*(?![\\p{L}])(?!\\s+(?:\\p{L}+\\s+)?(?:цен|кп|прайс|предлож|инф|сч[её]т|през|договор|материал|файл|ссылк|кар[тт]очк))|line\\s+(?:was\\s+)?busy|both\\s+busy|(?:^|-\\s*|,\\s*)busy|couldn'?t\\s+get\\s+through|could\\s+not\\s+get\\s+through|wouldn'?t\\s+put\\s+(?:me\\s+)?through|gatekeeper|left\\s+a\\s+voicemail|didn'?t\\s+pick|не\\s*дозвон|недозвон|не\\s+(?:взял|взяла|взяли|берет|берут|брал|брали|брала|снял|сняли|подняли|поднял)\\s+трубк|трубк\\p{L}*\\s+не\\s+(?:взял|взяли|берут|берет|брал|брали|сняли|сняли)|не\\s+ответил|не\\s+отвеча|никто\\s+не|сбросил(?![\\p{L}])(?!\\s+(?:\\p{L}+\\s+)?(?:цен|кп|прайс|предлож|инф|сч[её]т|през|договор|материал|файл|ссылк|кар[тт]очк))|занято|недоступ|вне\\s+зоны|автоответчик|гудки|no\\s+answer|no\\s+one\\s+(?:answered|picked)|nobody\\s+(?:answered|picked)|didn'?t\\s+(?:answer|pick\\s+up)|did\\s+not\\s+(?:answer|pick\\s+up)|not\\s+answering|voicemail|unreachable|couldn'?t\\s+reach|could\\s+not\\s+reach|hung\\s+up|went\\s+to\\s+voicemail",
);
// The nouns of an appointment, Russian and (typed in Russian messages too) English.
const APPOINTMENT = "демо|демк|презент|през[аыуе]|показ|встреч|встрет|зум|demo|meeting|presentation";
const ONLY = /(?<![\p{L}])(?:только|лишь|only|just)(?![\p{L}])/iu;
// A call the client made: "входящий", "позвонили сами", "called us".
const INBOUND =
  /входящ|inbound|(?<![\p{L}])сами(?![\p{L}])|(?:called|rang|phoned)\s+us|called\s+in(?![\p{L}])|(?:позвонил\p{L}*|звонок\s+от|звонил\p{L}*)\s+(?:нов|потенциальн)\p{L}*\s+(?:клиент|заказчик|компани)/u;
const CANCELLED = /отмен|cancel|called\s+off/u;
// "отменилась, перенесли на 10-е": a meeting called off and set for a new date is moved.
const RESCHEDULED = w("перен[её]с\\p{L}*\\s+(?:\\S+\\s+){0,4}на|(?:moved|rescheduled|pushed)\\s+(?:\\S+\\s+){0,4}(?:to|for)(?![\\p{L}])");
const calledOff = (lower: string) => CANCELLED.test(lower) && spans(RESCHEDULED, lower).length === 0;
// What lies between an appointment's noun and the booking verb after it: "встречу [с Вегой] поставили".
const BOOKED_AFTER = /^\p{L}+\s+(?:(?:с|со|with)\s+\S+\s+)?$/u;
const APPOINTMENT_WORD = new RegExp(`${APPOINTMENT}|през|mtg`, "u");
// Silence with no call told ("по Ориону тишина уже неделю") is a status; after a call it is the call not reached.
const NOANSWER_AFTER_CALL = w("тишина|молч\\p{L}*|no\\s+response|not\\s+responding|no\\s+reply|unanswered|silence");
const MEETING_OUTCOME = w(
  // "договорились о встрече", "договорились с Орловой о презентации", "договорились на demo".
  // The name between stays outside the match, so it is read as the client.
  `(?:договорил|условил|назначил|забил|запланировал|согласовал|согласил|поставил)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:о\\s+|об\\s+|на\\s+)?(?:${APPOINTMENT}|созвон(?:е|а)?(?![\\p{L}])|звонок|звонке)|` +
    `${preceded("(?:договорил|условил|назначил|забил|запланировал|согласовал|согласил)\\p{L}*\\s+(?:с|со)\\s+(?:\\S+\\s+){1,2}", "(?:о|об|на)\\s+(?:" + APPOINTMENT + ")")}|` +
    // "got them to agree to an onsite visit", "they want to meet on Friday", "хотят встретиться".
    "interested\\s+in\\s+(?:an?\\s+|the\\s+)?(?:demo|meeting|presentation)|интересу\\p{L}*\\s+(?:демо|встреч|презентац)\\p{L}*|agree\\p{L}*\\s+to\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+)?(?:visit|meeting|demo|presentation)|(?:want\\p{L}*|would\\s+like|'d\\s+like)\\s+to\\s+(?:meet|see\\s+a\\s+demo)|хот\\p{L}*\\s+встрет\\p{L}*|" +
    // "invite sent for a demo on Thursday", "приглашение на встречу отправил": a calendar invite books it.
    "(?:calendar\\s+)?invite\\s+(?:sent|accepted|out)|sent\\s+(?:an?\\s+|the\\s+)?(?:calendar\\s+)?invite|приглашени\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}(?:отправил|принял|выслал)\\p{L}*|" +
    // The booking verb after the appointment ("встречу с Вегой поставили на чт"); the name between stays the client's.
    `${preceded("(?:" + APPOINTMENT + ")\\p{L}*\\s+(?:(?:с|со|with)\\s+\\S+\\s+)?", "(?:назначил|поставил|забил|запланировал|согласовал|booked|scheduled|set\\s+up|locked\\s+in)")}\\p{L}*|` +
    // "demo scheduled for Tue", "meeting with Acme is booked".
    "(?:demo|meeting|presentation|zoom)\\s+(?:with\\s+\\S+\\s+)?(?:is\\s+|was\\s+)?(?:booked|scheduled|set(?:\\s+up)?|arranged|confirmed|locked\\s+in)|" +
    "записал\\p{L}*\\s+(?:их\\s+|его\\s+|е[её]\\s+)?на\\s+(?:демо|демк|встреч|презент|показ)|пригласил\\p{L}*\\s+(?:нас\\s+|меня\\s+)?на\\s+(?:демо|демк|встреч|презент|показ|переговор)|договорил\\p{L}*\\s+(?:что\\s+)?(?:приеду|подъеду|заеду|приедут|приедем|встретимся)|(?:демо|демк\\p{L}*|презентаци\\p{L}*)\\s+(?:назначен|договорились)|(?:set\\s+up|booked|scheduled|arranged|agreed\\s+(?:on|to))\\s+(?:a\\s+|the\\s+|an\\s+)?(?:[\\p{L}-]+\\s+)?(?:demo|presentation)|want\\p{L}*\\s+(?:a\\s+|the\\s+)?(?:demo|presentation|meeting)|(?:booked|scheduled|set\\s+up|arranged)\\s+(?:a\\s+|the\\s+|another\\s+)?(?:call|follow-up)|жд(?:ут|ем)\\s+(?:нас\\s+)?(?:на\\s+)?(?:демо|демк\\p{L}*|презентаци\\p{L}*|встреч\\p{L}*)|agreed\\s+to\\s+(?:a\\s+)?meet|(?:договорил|условил|назначил|забил|запланировал|согласовал|поставил|назначен|запланирован)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:о\\s+|на\\s+)?встреч|встреч\\p{L}*\\s+(?:назначен|назначили|договорились|запланир|согласов|на\\s+(?:завтра|понедельник|вторник|среду|четверг|пятницу|субботу|следующ|\\d))|встреч\\p{L}*\\s+(?:в|во)\\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|пн|вт|ср|чт|пт|сб|\\d)(?![\\p{L}])|подтвердил\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:встреч|демо|през)|завтра\\s+встреча|договорились\\s+встретиться|встретимся|(?:booked|set\\s+up|scheduled|arranged|set|got|agreed\\s+(?:on|to))\\s+(?:a\\s+|the\\s+|an\\s+)?(?:[\\p{L}-]+\\s+)?meeting|meeting\\s+(?:booked|set|scheduled|arranged)|will\\s+meet|agreed\\s+to\\s+meet|want\\p{L}*\\s+(?:a\\s+)?meeting|(?:locked\\s+in|lined\\s+up|confirmed|pencil+ed\\s+in)\\s+(?:a\\s+|the\\s+|an\\s+)?(?:[\\p{L}-]+\\s+)?(?:meeting|demo|presentation)|booked\\s+(?:for|on)|хотят\\s+встреч",
);
const MEET_WORD = /встреч|встрет|демо|демк|през|показ|meet|demo|presentation|офис|office|приед|подъед|come\s+(?:over|to|by|in)/u;
const AHEAD_HINT = w(
  "зовут|приглаша\\p{L}*|готовы|жд[уеё]м?\\s+(?:их|его|е[её])|приед\\p{L}*|подъед\\p{L}*|would\\s+like|(?:they|we|he|she)'?d\\s+like|(?:they|he|she)'?ll|will\\s+come|coming\\s+(?:in|over|to)",
);
const HELD = /(?<![\p{L}])(?:прошл[аои]|прош[её]л|состоял\p{L}*|went\s+(?:well|fine|great|ok|good|badly)|took\s+place)(?![\p{L}])/giu;
// "встреча перенеслась", "отменили демо", "pushed the meeting": a meeting moved or called off was not held.
const MOVED = w(
  // "слилась со встречи": a client who dropped out of a meeting called it off.
  "(?:слил(?:ся|ась|ись|и)|соскочил\\p{L}*|спрыгнул\\p{L}*)\\s+(?:со?\\s+)?(?=встреч|демо|созвон|звонк|през)|перен[её]с\\p{L}*|перенос\\p{L}*|отмен\\p{L}*|сдвинул\\p{L}*|сдвинули|postpon\\p{L}*|reschedul\\p{L}*|pushed|moved|cancel\\p{L}*|called\\s+off",
);
// "не подписали", "встреча не состоялась", "didn't sign": a negated event did not happen.
const NEGATION_BEFORE =
  /(?<![\p{L}])(?:не|ни|нет|без|not|never|didn'?t|did\s+not|haven'?t|hasn'?t|havent|wasn'?t|no)\s+(?:(?:\p{L}+\s+)?(?:еще|ещё|yet|пока)\s+|\p{L}+(?:л|ла|ли|ed)\s+)?$/iu;
const NEGATED_ABILITY =
  /(?<![\p{L}])(?:couldn'?t|could\s+not|can'?t|cannot|unable\s+to|wasn'?t\s+able\s+to|не\s+смог\p{L}*|не\s+удал\p{L}*|не\s+получил\p{L}*)\s+(?:\p{L}+\s+)?$/iu;
// The English ways of saying something was not done, shared by the negation checks below.
const EN_NOT_DONE = "didn'?t|did\\s+not|hasn'?t|haven'?t|has\\s+not|have\\s+not|never";
const NEGATED_JUST_BEFORE = new RegExp(
  `(?:(?<![\\p{L}])(?:не|not|${EN_NOT_DONE})\\s+(?:yet\\s+|even\\s+|еще\\s+|ещё\\s+)?$)|${NEGATED_ABILITY.source}`,
  "iu",
);
const EN_NEGATED = w(`(?:${EN_NOT_DONE}|not\\s+yet|wasn'?t|weren'?t|won'?t)\\s+(?:yet\\s+|been\\s+|even\\s+|ever\\s+)?\\p{L}+`);
// Written channels: an unanswered email or chat message is not a call not reached.
const WRITTEN = w(
  "e-?mail\\p{L}*|(?<!voice\\s+)mail(?![\\p{L}])|письм\\p{L}*|(?<!голосов\\p{L}*\\s+)почт\\p{L}*|сообщени\\p{L}*|messages?(?![\\p{L}])|texts?(?![\\p{L}])|texted|sms|смс\\p{L}*|whats-?app|ватсап\\p{L}*|вотсап\\p{L}*|telegram|телеграм\\p{L}*|мессендж\\p{L}*|inmail",
);
const NOT_HELD = w(
  "не\\s+(?:состоял\\p{L}*|случил\\p{L}*|было|получил\\p{L}*\\s+встрет|приехал\\p{L}*|пришл\\p{L}*)|сорвал\\p{L}*|didn'?t\\s+happen|fell\\s+through|no-?show|не\\s+приш[её]л|не\\s+пришли|не\\s+явил\\p{L}*",
);
// "хотят встречу", "want a demo": a wish is a meeting booked only as the outcome of a call.
const WISH = w("хот(?:ят|ел\\p{L}*|ит)|want\\p{L}*|просят|ask(?:ed|s)?\\s+for");
const REACHED = w(
  "дозвонил|поговорил|поговорили|переговорил\\p{L}*|поболтал\\p{L}*|пообщал\\p{L}*|связал(?:ся|ась|ись)|застал\\p{L}*|(?:вышел|вышла|дош[её]л|дошла)\\s+(?:на|до)\\s+(?:лпр|директор|руководител|собственник|владел|гендир)|обсудил|обсудили|reached(?!\\s+out)|chatted|convo|conversation|разговаривал\\p{L}*|побеседовал\\p{L}*|had\\s+(?:a\\s+)?(?:quick\\s+|short\\s+|good\\s+)?chat|connected\\s+with|got\\s+hold\\s+of|caught\\s+up\\s+with|touched\\s+base|talked|spoke|got\\s+through|picked\\s+up|answered",
);

const CURRENCY_FOREIGN = /(\$|€|\busd\b|\beur\b|доллар|бакс|евро|dollars?|euros?)/iu;
// "на прошлой неделе" is not one day: the entry stays dated today, with a note.
const VAGUE_PAST = w("на\\s+прошлой\\s+неделе|last\\s+week");
const AGO = w("(?:позавчера|вчера|сегодня)(?![\\p{L}])|day\\s+before\\s+yesterday|yesterday|today|this\\s+morning|утром");
const WEEKDAY_NAMES: [RegExp, number][] = [
  [/^(?:понедельник|пн|monday|mon)$/u, 1],
  [/^(?:вторник|вт|tuesday|tues?)$/u, 2],
  [/^(?:среду|среда|ср|wednesday|wed)$/u, 3],
  [/^(?:четверг|чт|thursday|thu|thurs?)$/u, 4],
  [/^(?:пятницу|пятница|пт|friday|fri)$/u, 5],
  [/^(?:субботу|суббота|сб|saturday|sat)$/u, 6],
  [/^(?:воскресенье|вс|sunday|sun)$/u, 7],
];
const WD =
  "понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье|monday|tuesday|wednesday|thursday|friday|saturday|sunday";
// English short forms only where they are no other word ("sat", "sun" are).
const WD_SHORT = "пн|вт|ср|чт|пт|сб|вс|mon|tues?|wed|thu|thurs?|fri";
const BARE_WEEKDAY = w(`(?:${WD}|${WD_SHORT})(?![\\p{L}])`);
// "в пятницу отправил КП", "on Monday", "monday: closed …": a weekday named as when it happened.
// "на этой неделе (вт) была презентация": a weekday in brackets dates what it follows.
const WEEKDAY = w(`(?:(?:в|во)\\s+(?:прошл\\p{L}+\\s+)?|on\\s+|last\\s+|(?<=\\()\\s*)(${WD}|${WD_SHORT})(?![\\p{L}])|^(${WD})(?![\\p{L}])`);
// "на пятницу", "до пятницы", "next Monday", "for Thursday": a weekday ahead.
const WEEKDAY_AHEAD = w(
  `(?:на|к|до|for|by|next|till|until|следующ\\p{L}*)\\s+(?:(?:следующ|this|the)\\p{L}*\\s+)?(?:${WD}|${WD_SHORT}|пятницы|среды|субботы)(?![\\p{L}])`,
);
const FUTURE_WORDS = w(
  "завтра|послезавтра|tomorrow|tmrw?|2morrow|next\\s+week|на\\s+(?:след\\p{L}*|этой)\\s+неделе|через\\s+(?:\\p{L}+\\s+)?(?:день|дня|неделю|час)",
);
const PLAN_WORDS = w(
  "напомни(?:те)?(?![\\p{L}])|не\\s+забыть|в\\s+планах|should|ought\\s+to|предстоит|on\\s+the\\s+agenda|upcoming|надо|нужно|жд(?:ут|ем|ет|у)(?![\\p{L}])|ожида\\p{L}*|waiting\\s+for|await\\p{L}*|планирую|собираюсь|хочу|remind|need\\s+to|planning|plan\\s+to|going\\s+to|gonna|gotta|about\\s+to|will|i'?ll|have\\s+to|prepare",
);
// English past forms are regular enough to spot without a dictionary.
const EN_PAST = w(
  "set\\s+up|lined\\s+up|\\p{L}+ed(?![\\p{L}])|met|had|sent|spoke|rang|did|got|paid|sold|went|took|gave|made|left|lost|chose|was|were|signed|closed|won|dropped",
);

/** Whether a clause reports something done, plans something, or cannot tell. */
function clauseTense(lower: string, morph: Morphology | null): "past" | "plan" | null {
  let past = spans(EN_PAST, lower).length > 0;
  let future = false;
  if (morph)
    for (const t of tokenize(lower)) {
      if (!isCyrillic(t.lower) || STOP.has(t.lower)) continue;
      const a = morph(t.lower, null);
      if (a?.tense === "past") past = true;
      else if (a?.tense === "futr" || a?.tense === "impr") future = true;
    }
  if (spans(PLAN_WORDS, lower).length > 0 && !/договорил|agreed|booked/u.test(lower)) return "plan";
  if (past) return "past";
  if (future || spans(FUTURE_WORDS, lower).length > 0) return "plan";
  return null;
}

/** The day a clause names and where: a weekday counts only as a past day, never one ahead. */
function readDays(lower: string, booking: boolean, pastTense: boolean): { day: DayRef | null; spans: [number, number][] } {
  const found: [number, number][] = [...spans(AGO, lower), ...spans(WEEKDAY_AHEAD, lower)];
  let day: DayRef | null = null;
  AGO.lastIndex = 0;
  const ago = AGO.exec(lower)?.[0];
  if (ago) day = { type: "ago", days: /^(?:позавчера|day)/u.test(ago) ? 2 : ago === "вчера" || ago === "yesterday" ? 1 : 0 };
  WEEKDAY.lastIndex = 0;
  for (const m of lower.matchAll(WEEKDAY)) {
    found.push([m.index, m.index + m[0].length]);
    // "встреча в пятницу" is when it is set, not when it was: a weekday dates a clause only when something was done.
    // "созвонились — встреча в чт", "договорился о звонке в пятницу": the weekday of an appointment is ahead.
    const ofAppointment = /(?:встреч\p{L}*|демо|през\p{L}*|созвон\p{L}*|звонк\p{L}*|звонок|meeting|demo|call)\s+$/u.test(
      lower.slice(0, m.index),
    );
    // "обещали в пятницу заплатить": the weekday of what is promised is ahead.
    const promised = /^\s+(?:\p{L}+\s+)?\p{L}+(?:ть|ться|ти)(?![\p{L}])/u.test(lower.slice(m.index + m[0].length));
    const ahead =
      booking ||
      promised ||
      (ofAppointment && spans(HELD, lower).length === 0) ||
      (!pastTense && /встреч|meet|демо|demo|презент/u.test(lower));
    const name = m[1] ?? m[2] ?? "";
    const weekday = WEEKDAY_NAMES.find(([re]) => re.test(name))?.[1];
    if (!ahead && weekday && day === null) day = { type: "weekday", weekday };
  }
  return { day, spans: found };
}

// Words that are never a client's name (capitalised at a sentence start, or after a preposition).
const STOP = new Set(
  (
    "я мы он она они вы ты с со в во на по к ко у о об от до для из про при за и а но же уже еще ещё сегодня вчера позавчера завтра " +
    "утром днем днём вечером тоже снова опять наконец ура короче кстати там тут все всё очень ну вот да нет ок ок. их им ему ей ними нему ней ним " +
    "этот эти эту этой этим это тот та те тем новый новая новое новым новому новой нового новые итог итого потом затем сразу быстро " +
    "клиент клиента клиенту клиентом клиенте клиенты компания компании компанию компанией заказчик заказчика заказчиком заказчику " +
    "директор директором директору директора гендир гендиром лпр менеджер менеджером бухгалтер бухгалтером закупщик закупщиком собственник " +
    "владелец владельцем секретарь секретарем руководитель руководителем поводу повод счет счёт договор договора договору контракт " +
    "нам нас меня мне них него нее неё ее её его ним ними свой свою своим который которая которые когда где как что чтобы " +
    "до после перед около почти ровно всего примерно сумма сумму суммой руб рублей рубля тыс тысяч млн миллион миллиона " +
    "понедельник вторник среду среда четверг пятницу пятница субботу воскресенье неделе неделю месяц " +
    "ooo i we he she they you the a an to with for at from and then today yesterday finally just also again client customer company " +
    "them him her it about on in of new my our their his this that after before by via over last week monday tuesday wednesday thursday friday " +
    "лпру лпра лпром лпре гендиру гендира финдир финдиру финдира msa nda sla sow rfp rfq qbr kpi crm mon tue tues wed thu thur thurs fri me us i'm i've i'd i'll we've we're we'd we'll they've they're it's that's let's there's " +
    "dm coo vp buyer procurement purchasing founder owner receptionist secretary assistant gatekeeper board " +
    "so ok okay guys team boss got had have has was were is are be been will would did do done out up off one two rub k " +
    "sent send emailed gave give showed product want wants booked went well next competitor budget no yes ceo cto cfo manager director " +
    "офис офисе офиса офисом hq office headquarters lunch dinner coffee zoom skype teams telegram whatsapp email linkedin " +
    "mr mr. mrs ms dr сайта сайте сайт"
  ).split(" "),
);
// People a manager talks to, by dictionary base form: "с собственником", "юристу" are never a client's name.
const ROLES = new Set(
  (
    "клиент заказчик директор гендир лпр менеджер бухгалтер бухгалтерия закупщик закупка собственник владелец секретарь " +
    "секретарша руководитель юрист снабженец снабжение сотрудник коллега партнёр партнер помощник ассистент финдиректор " +
    "коммерческий технарь инженер логист маркетолог админ администратор генеральный управляющий исполнительный технический " +
    "финансовый заместитель зам замдиректор начальник главбух сайт"
  ).split(" "),
);
const LEGAL = new Set([
  "ооо",
  "оао",
  "зао",
  "пао",
  "ао",
  "ип",
  "нко",
  "гк",
  "тд",
  "llc",
  "inc",
  "ltd",
  "gmbh",
  "corp",
  "co",
  "plc",
  "ооо»",
]);
const OBLIQUE: readonly GramCase[] = ["gent", "datv", "accs", "ablt", "loct"];
const PERSON = new Set(["surname", "name"]);
/** Prepositions before a client and the cases they govern. */
const NAME_PREPS: Record<string, readonly GramCase[]> = {
  в: ["accs", "loct"],
  во: ["accs", "loct"],
  с: ["ablt", "gent"],
  со: ["ablt", "gent"],
  для: ["gent"],
  у: ["gent"],
  от: ["gent"],
  к: ["datv"],
  ко: ["datv"],
  из: ["gent"],
  до: ["gent"],
  клиенту: ["nomn", "datv"],
  клиент: ["nomn"],
  компании: ["nomn", "datv", "gent"],
  компания: ["nomn"],
  to: ["nomn"],
  with: ["nomn"],
  w: ["nomn"],
  for: ["nomn"],
  at: ["nomn"],
  from: ["nomn"],
};
const VERBISH = /(?:ли|ла|лся|лась|лись|ло|ть|ться|ем|им|ешь|ите|ул|ил|ал|ял|ел)$/u;

interface Token {
  possessive?: boolean;
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface ClientRef {
  /** The words it was read from, as typed. */
  typed: string;
  name: string;
  isNew: boolean;
  start: number;
  /** A new name read only from a lowercase word after a preposition ("в отпуске"): weak evidence. */
  weak?: boolean;
}

interface Clause {
  kind: ActivityKind | null;
  outcome: CallOutcome | null;
  clients: ClientRef[];
  amountMinor: number | null;
  amountInvalid: boolean;
  currency: boolean;
  reason: string | null;
  pastDay: boolean;
  /** The day this clause names ("вчера", "в пятницу"), null when none. */
  day: DayRef | null;
  /** Has a call word of its own ("звонил"), not only an outcome ("не отвечает"). */
  callWord: boolean;
  /** Said only "обсудили", "поговорили": a call on its own, else a remark on the event before. */
  reachedOnly: boolean;
  /** A meeting or demo still ahead ("демо на понедельник", "зовут на встречу"): the outcome of a call told before it. */
  bookedAhead: boolean;
  /** Its call word only says where something else happened ("6 people on the call", "на созвоне"). */
  callMedium: boolean;
  /** Planned, not done: "отправлю КП завтра", "напомни позвонить". */
  plan: boolean;
  /** Tells something done: a past verb, or a booking. */
  past: boolean;
  /** An appointment with no verb and a weekday ("в понедельник демо в Океане"): ahead, unless a diary of past days. */
  verblessWeekday: DayRef | null;
  /** The words the kind and the amount were read from, as typed. */
  kindPhrase: string | null;
  amountPhrase: string | null;
}

const norm = (s: string) => s.toLocaleLowerCase("ru").replace(/ё/g, "е");
const isCyrillic = (s: string) => /[а-яё]/iu.test(s);
const isUpper = (s: string) => /^\p{Lu}/u.test(s);

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&'’-]*/gu)].map((m) => {
    // "Acme's office": the owner is the name, and the name ends there.
    const possessive = /\p{L}['’]s$/iu.test(m[0]);
    const word = possessive ? m[0].slice(0, -2) : m[0];
    return { text: word, lower: norm(word), start: m.index, end: m.index + word.length, possessive };
  });
}

/** Spans [start, end) of every match of `re` in `text`. */
function spans(re: RegExp, text: string): [number, number][] {
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

const covered = (t: Token, ss: [number, number][]) => ss.some(([a, b]) => t.start < b && t.end > a);

function stripLegal(name: string): string {
  const words = name
    .replace(/[«»"“”„']/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && LEGAL.has(norm(words[0]!))) words.shift();
  while (words.length > 1 && LEGAL.has(norm(words[words.length - 1]!).replace(/\.$/, ""))) words.pop();
  return words.join(" ");
}

/** Hand-made fallback for the base form of a name word in an oblique case. */
function basicBase(word: string): string {
  const rules: [RegExp, string][] = [
    [/ой$/u, "а"],
    [/ей$/u, "я"],
    [/ку$/u, "ка"],
    [/у$/u, "а"],
    [/ю$/u, "я"],
    [/ом$/u, ""],
    [/ем$/u, "ь"],
  ];
  for (const [re, to] of rules) if (re.test(word) && word.length > 4) return word.replace(re, to);
  return word;
}

/** Puts a (possibly inflected) name into its base form, keeping the writer's capitals. */
function baseName(words: Token[], cases: readonly GramCase[] | null, subject: boolean, morph: Morphology | null): string {
  return words
    .map((t) => {
      if (!isCyrillic(t.text) || t.text.includes("-") || /\d/.test(t.text) || (t.text.length <= 4 && t.text === t.text.toUpperCase()))
        return t.text;
      let keepTyped = cases === null ? subject : cases.includes("nomn");
      // After a verb a surname is in an oblique case ("потеряли Кузнецова" is Кузнецов, not
      // Кузнецова); any other word is read as it comes ("не взял трубку Кузнецов").
      let analysed = morph ? morph(t.lower, cases ?? (subject ? null : OBLIQUE)) : null;
      if (morph && cases === null && !subject && analysed?.proper !== "surname") {
        analysed = morph(t.lower, null);
        keepTyped = true;
      }
      // A name typed in the nominative as the subject ("Орлова подписала") stays as typed; after a
      // verb or a preposition the case decides ("потеряли Кузнецова" → Кузнецов).
      const keep = keepTyped && (cases === null || analysed?.proper !== "surname");
      if (analysed?.nominative && keep) return t.text.charAt(0).toUpperCase() + t.text.slice(1);
      let base = analysed && (analysed.pos === "noun" || analysed.pos === "adj") ? analysed.base : morph ? t.lower : basicBase(t.lower);
      // "из Техмаша", "к Альфатеху": a word the dictionary cannot place, after a preposition asking for one
      // case, loses that case's masculine ending.
      if (morph && (!analysed || analysed.pos === "other") && cases?.length === 1) {
        const ending =
          cases[0] === "gent" ? /(?<=[бвгджзклмнпрстфхцчшщ])а$/u : cases[0] === "datv" ? /(?<=[бвгджзклмнпрстфхцчшщ])у$/u : null;
        if (ending && t.lower.length > 4) base = t.lower.replace(ending, "");
      }
      // A base form that lost the word's beginning is a guess from its tail ("Медиагрупп" → "группы"): keep the word.
      if (base.slice(0, 3) !== t.lower.slice(0, 3)) base = t.lower;
      // The part the base form shares with the word keeps the writer's letters: "ТехноПарком" → "ТехноПарк".
      let p = 0;
      while (p < base.length && p < t.lower.length && base[p] === t.lower[p]) p++;
      base = t.text.slice(0, p) + base.slice(p);
      if (t.text === t.text.toUpperCase() && t.text.length > 1) base = base.toUpperCase();
      else if (isUpper(t.text) || !isUpper(base)) base = base.charAt(0).toUpperCase() + base.slice(1);
      return base;
    })
    .join(" ");
}

/** Whether a token can be (part of) a client's name. */
function nameish(t: Token, first: boolean, afterPrep: boolean, cases: readonly GramCase[] | null, morph: Morphology | null): boolean {
  if (STOP.has(t.lower) || /^\d+$/.test(t.text)) return false;
  if (LEGAL.has(t.lower)) return false;
  if (!isCyrillic(t.text)) return /\p{L}/u.test(t.text) && (isUpper(t.text) || afterPrep);
  if (morph && ROLES.has(morph(t.lower, null)?.base ?? "")) return false;
  // "ладога отказалась": typed in lower case, a message's first word is a name when the dictionary knows it as one.
  if (!isUpper(t.text) && !afterPrep && !(first && morph?.(t.lower, null)?.proper)) return false;
  if (first || afterPrep) {
    // After a preposition the case it governs decides: "с Зарёй" is a noun, though
    // "зарей" alone (ё written as е) also reads as a verb form.
    const a = morph?.(t.lower, cases);
    if (a && a.pos === "verb") return false;
    if (!a && first && VERBISH.test(t.lower)) return false;
  }
  return true;
}

interface AmountHit {
  minor: number | null;
  invalid: boolean;
  foreign: boolean;
  start: number;
  end: number;
  strong: boolean;
}

const MULT: [RegExp, string][] = [
  [/^(?:k|к|тыс\.?|тысяч\p{L}*|тыщ\p{L}*|косар\p{L}*|thousand|тыр|т\.?\s?р\.?|тр|т)$/iu, "тыс"],
  [/^(?:m|mln|кк|млн\.?|миллион\p{L}*|лям\p{L}*|million|mio)$/iu, "млн"],
  [/^(?:b|bn|млрд\.?|миллиард\p{L}*|billion)$/iu, "млрд"],
];
// "$$$" is a cheer, not a currency: a "$" right after another is no sign of dollars.
const AMOUNT_RE =
  /(?<![\p{L}\d№#.,:/$])(\$\s*)?(полтора|полторы|\d[\d\u00A0\u202F\u2009 ]*(?:[.,]\d+)?)(?![\d:/])(?:\s*(k|к|кк|тыс\.?|тысяч\p{L}*|тыщ\p{L}*|косар\p{L}*|thousand|тыр|т\.?\s?р\.?|тр|т|m|mln|млн\.?|миллион\p{L}*|лям\p{L}*|million|b|bn|млрд\.?|миллиард\p{L}*|billion)(?![\p{L}\d]))?\.?\s*(₽|р\.|р(?![\p{L}])|руб\p{L}*\.?|rub\p{L}*|rur|\$|usd|долл\p{L}*|бакс\p{L}*|€|eur\p{L}*|евро)?(?![\p{L}])/giu;

// "пол ляма" is half a million, "на сотку" a hundred thousand.
const WORD_AMOUNTS: [RegExp, number][] = [
  [/(?<![\p{L}])пол\s*-?\s*(?:ляма|лимона|миллиона|млн)(?![\p{L}])/giu, 50_000_000],
  [/(?<![\p{L}])(?:сотк[уаи]|сотню|сотня)(?![\p{L}])/giu, 10_000_000],
];

// Numbers said in words, as voice input types them: "двести пятьдесят тысяч", "fifty k".
const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  (
    "один 1 одна 1 одну 1 два 2 две 2 три 3 четыре 4 пять 5 шесть 6 семь 7 восемь 8 девять 9 десять 10 одиннадцать 11 " +
    "двенадцать 12 тринадцать 13 четырнадцать 14 пятнадцать 15 шестнадцать 16 семнадцать 17 восемнадцать 18 девятнадцать 19 " +
    "двадцать 20 тридцать 30 сорок 40 пятьдесят 50 шестьдесят 60 семьдесят 70 восемьдесят 80 девяносто 90 сто 100 двести 200 " +
    "триста 300 четыреста 400 пятьсот 500 шестьсот 600 семьсот 700 восемьсот 800 девятьсот 900 " +
    "one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 fifteen 15 twenty 20 thirty 30 " +
    "forty 40 fifty 50 sixty 60 seventy 70 eighty 80 ninety 90 hundred 100"
  )
    .match(/\S+ \S+/g)!
    .map((pair) => [pair.split(" ")[0]!, Number(pair.split(" ")[1])]),
);
const NUMBER_WORD = Object.keys(NUMBER_WORDS).join("|");
const WORDED_AMOUNT = new RegExp(
  `(?<![\\p{L}])((?:(?:${NUMBER_WORD})(?:\\s+|-))+)(тысяч\\p{L}*|тыщ\\p{L}*|тыс\\.?|косар\\p{L}*|k|к|thousand|млн\\.?|миллион\\p{L}*|лям\\p{L}*|million|mln)(?![\\p{L}])`,
  "giu",
);

function wordedAmounts(text: string): AmountHit[] {
  return [...text.matchAll(WORDED_AMOUNT)].map((m) => {
    let value = 0;
    for (const word of m[1]!
      .toLocaleLowerCase("ru")
      .split(/[\s-]+/u)
      .filter(Boolean))
      value = word === "hundred" ? Math.max(value, 1) * 100 : value + (NUMBER_WORDS[word] ?? 0);
    const mult = /^(?:млн|миллион|лям|million|mln)/iu.test(m[2]!) ? 1_000_000 : 1000;
    return { minor: value * mult * 100, invalid: false, foreign: false, start: m.index, end: m.index + m[0].length, strong: true };
  });
}

/** Every amount-looking span, read by the same parser as /deal. */
function findAmounts(text: string): AmountHit[] {
  const words = WORD_AMOUNTS.flatMap(([re, minor]) =>
    [...text.matchAll(re)].map((m) => ({
      minor,
      invalid: false,
      foreign: false,
      start: m.index,
      end: m.index + m[0].length,
      strong: true,
    })),
  );
  return [...words, ...wordedAmounts(text), ...numericAmounts(text)].sort((a, b) => a.start - b.start);
}

function numericAmounts(text: string): AmountHit[] {
  const hits: AmountHit[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    let num = m[2]!.replace(/[\s\u00A0\u202F\u2009]+$/u, "");
    const multRaw = m[3];
    // "12,500" (English thousands): a comma before exactly three digits, with no multiplier, groups thousands.
    if (!multRaw && /^\d{1,3}(?:,\d{3})+$/u.test(num)) num = num.replace(/,/gu, "");
    const cur = m[4];
    if (/^полтор/iu.test(num)) {
      if (!multRaw) continue;
      num = "1,5";
    }
    // A lone year, a time or a quantity word is not money: "2 встречи" has no amount.
    const mult = multRaw ? MULT.find(([re]) => re.test(multRaw))?.[1] : undefined;
    const foreign = m[1] !== undefined || (cur !== undefined && CURRENCY_FOREIGN.test(cur));
    const strong = mult !== undefined || cur !== undefined || m[1] !== undefined;
    const parsed = parseAmount(`${num}${mult ? ` ${mult}` : ""}`);
    hits.push({
      minor: "error" in parsed ? null : parsed.minor,
      invalid: "error" in parsed,
      foreign,
      start: m.index,
      end: m.index + m[0].length,
      strong,
    });
  }
  return hits;
}

const REASON_SEP =
  /\s[—–-]\s|[—–:(]|(?<![\p{L}])(?:потому\s+что|так\s+как|т\.\s?к\.|причина|из-за|because|reason|due\s+to|since)(?![\p{L}])/giu;
const REASON_LEAD = /^(?:[\s:—–(-]|потому\s+что|так\s+как|т\.\s?к\.|причина|because|reason|since)+/iu;
// "хотят презентацию", "ждут КП", "will send a quote": what is wanted or planned has not
// happened yet, so the word right after it is not an event (a wanted meeting after a
// call is the call's outcome, read by MEETING_OUTCOME).
const PLANNED =
  /(?<![\p{L}])(?:хоч\p{L}*|хот(?:ят|им|ите|ел\p{L}*)|жд(?:ут|ем|ет|у)|просят|просил[аи]?|попросил[аи]?|нужн[аоы]?|надо|планиру\p{L}*|собира\p{L}*|будет|будем|буду|want(?:s|ed)?|waiting\s+for|await\p{L}*|ask(?:s|ed)?\s+for|needs?|will|plan(?:s|ning)?\s+to|going\s+to)\s+(?:(?:\p{L}+)\s+)?$/iu;
// "sending proposal tmrw", "готовлю КП": work under way on an event is not the event done.
const UNDER_WAY =
  /(?<![\p{L}])(?:sending|preparing|drafting|working\s+on|scheduling|setting\s+up|putting\s+together|finali[sz]ing|готовлю|готовим|подготавлива\p{L}*|составляю|составляем|делаю|пишу)\s+(?:(?:the|a|an|our|them|him|her|им|ему|ей)\s+)?$/iu;
// "Globex deal still pending", "сделка с Вегой зависла": a status of the event, not the event done.
const STATUS_AFTER =
  /^\p{L}*(?:\s+(?:with|с|со)\s+\S+)?\s+(?:(?:is|still|has\s+been|was|всё\s+ещё|все\s+еще|пока)\s+)*(?:pending|in\s+progress|on\s+hold|stuck|delayed|under\s+review|в\s+процессе|завис\p{L}*|подвис\p{L}*|застрял\p{L}*|буксует)/iu;
const TOPIC_BEFORE = /(?<![\p{L}])(?:по|про|насч[её]т|about|regarding|re:?)\s+(?:(?:the|our|their|его|их|нашей|нашему)\s+)?$/iu;
// "молчит после КП", "before the demo", "до встречи": an event named as a point in time was not done here.
const TIME_REFERENCE = /(?<![\p{L}])(?:после|перед|after|before|since|following)\s+(?:(?:the|our|их|нашего|нашей|нашу)\s+)?$/iu;
const REFERRED_BY = /(?:referral\s+from|referred\s+by|recommended\s+by|рекомендаци\p{L}*(?:\s+от)?|от\s+партн[её]р\p{L}*)\s+$/iu;
const REFERRED = /^['’]?s?\s+(?:referred|recommended|порекомендовал\p{L}*|посоветовал\p{L}*)/iu;
// "позвонил по поводу КП": what the call was about is not another event.
// "думают над КП", "рассматривают договор", "talked pricing", "reviewing the quote": the event word is the topic.
const ABOUT = w(
  "по\\s+поводу|насч[её]т|обсудили|обсуждали|договорились\\s+о(?!\\s+встреч)|дума\\p{L}*\\s+(?:над|о|об|про)|рассматрива\\p{L}*|изуча\\p{L}*|говорили\\s+(?:о|об|про)|about|regarding|re:|discussed|talked|went\\s+over|considering|reviewing|evaluating|thinking\\s+(?:over|it\\s+over)|looking\\s+(?:at|over|into)",
);

/** What the whole message says that a clause's reading depends on. */
interface MessageContext {
  /** About an email or a chat message, with no call word anywhere. */
  written: boolean;
  /** Names a meeting, a demo or a presentation somewhere ("rescheduled the demo, … moved it"). */
  appointment: boolean;
  /** Moves (not cancels) a meeting somewhere: a call told with it is the call that moved it. */
  rebooked: boolean;
  /** Has a call word somewhere. */
  call: boolean;
}

function readClause(
  text: string,
  known: KnownClients,
  aliases: SortedAliases,
  morph: Morphology | null,
  context: MessageContext = { written: false, appointment: false, rebooked: false, call: false },
): Clause {
  const lower = norm(text);
  const clause: Clause = {
    kind: null,
    outcome: null,
    clients: [],
    amountMinor: null,
    amountInvalid: false,
    currency: false,
    reason: null,
    pastDay: spans(VAGUE_PAST, lower).length > 0,
    day: null,
    reachedOnly: false,
    callWord: false,
    bookedAhead: false,
    callMedium: false,
    plan: false,
    past: false,
    verblessWeekday: null,
    kindPhrase: null,
    amountPhrase: null,
  };
  const { written, appointment: appointmentInMessage } = context;
  // "не поговорили", "couldn't get hold of": a negated word of reaching is a call not reached when the
  // negation is of being able, or when the message has a call word ("called Acme, hasn't answered");
  // "не ответил на письмо", "no reply to my email": a message left unanswered is no call at all.
  const reachedAll = written ? [] : spans(REACHED, lower);
  const reachNegated = reachedAll.filter(([a]) => NEGATED_JUST_BEFORE.test(lower.slice(0, a)));
  const noanswer = written
    ? []
    : [
        ...spans(NOANSWER, lower),
        ...(context.call ? spans(NOANSWER_AFTER_CALL, lower) : []),
        ...reachNegated.filter(([a]) => context.call || NEGATED_ABILITY.test(lower.slice(0, a))),
      ].sort((x, y) => x[0] - y[0]);
  // "встреча в пятницу прошла": a meeting said to have taken place is held, not booked.
  const held = spans(HELD, lower).length > 0;
  // "завтра встреча с Орионом" with no verb and no call anywhere in the message books nothing: it is ahead.
  const verbless =
    spans(EN_PAST, lower).length === 0 && !(morph && tokenize(lower).some((t) => isCyrillic(t.lower) && morph(t.lower, null)?.tense));
  const meetingOutcome = held || (verbless && !context.call) ? [] : spans(MEETING_OUTCOME, lower);
  const tense = meetingOutcome.length > 0 ? "past" : clauseTense(lower, morph);
  clause.plan = tense === "plan";
  clause.past = tense === "past";
  // "в пт встреча с Вегой", "созвон с Меркурием в 15:00": an appointment with no verb and a
  // weekday or an hour is one still ahead; "вчера встреча" names a past day and is logged.
  const appointment =
    tense === null &&
    noanswer.length === 0 &&
    spans(AGO, lower).length === 0 &&
    (spans(WEEKDAY, lower).length > 0 ||
      spans(BARE_WEEKDAY, lower).length > 0 ||
      /(?<![\d])(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)|1?\d\s*(?:am|pm)(?![\p{L}]))|(?<![\p{L}])(?:at|в)\s+(?:[01]?\d|2[0-3])(?:\s*(?:час\p{L}*|ч|утра|вечера|дня|o'?clock))?\s*$/u.test(
        lower,
      )) &&
    /встреч|созвон|демо|през|meeting|mtg|demo|call/u.test(lower);
  if (appointment) {
    clause.plan = true;
    WEEKDAY.lastIndex = 0;
    const named = WEEKDAY.exec(lower);
    const weekday = named ? WEEKDAY_NAMES.find(([re]) => re.test(named[1] ?? named[2] ?? ""))?.[1] : undefined;
    if (weekday) clause.verblessWeekday = { type: "weekday", weekday };
  }
  // "демо на понедельник", "зовут на встречу", "жду их в офисе в четверг", "they'd like to meet":
  // a meeting still ahead, with no call word of its own, is what the call before it booked.
  const meetingAhead =
    MEET_WORD.test(lower) &&
    spans(HELD, lower).length === 0 &&
    noanswer.length === 0 &&
    (tense === "plan" ||
      appointment ||
      spans(WEEKDAY_AHEAD, lower).length > 0 ||
      spans(FUTURE_WORDS, lower).length > 0 ||
      spans(AHEAD_HINT, lower).length > 0);
  const callSpans = spans(CALL_WORD, lower);
  const callWord = callSpans.length > 0;
  // "трубку не берёт" tells the outcome; the call word inside it is no call told.
  clause.callWord = callSpans.some(([a, b]) => !noanswer.some(([x, y]) => a >= x && b <= y));
  clause.callMedium =
    callWord && callSpans.every(([a]) => /(?:^|\s)(?:on\s+(?:the|our|a)|during\s+the|на|во\s+время)\s+$/u.test(lower.slice(0, a)));
  clause.bookedAhead = meetingAhead && !callWord;
  const days = readDays(lower, meetingOutcome.length > 0, tense === "past");
  clause.day = days.day;
  const reached = reachedAll.filter((r) => !reachNegated.includes(r));
  const consumed: [number, number][] = [...noanswer, ...meetingOutcome, ...reached, ...spans(VAGUE_PAST, lower), ...days.spans];
  const kindsFound = new Map<ActivityKind, [number, number][]>();
  const aboutAt = spans(ABOUT, lower)[0]?.[0] ?? lower.length;
  for (const [kind, re] of KIND_PATTERNS) {
    const all = spans(re, lower);
    consumed.push(...all);
    const ss = all.filter(([a]) => a < aboutAt);
    if (ss.length > 0) kindsFound.set(kind, ss);
  }
  // "сказали перезвонить", "надо отправить КП": an infinitive names what is still to be done;
  // "перезвон в четверг" (a callback, the noun) is one still to make.
  for (const [kind, ss] of kindsFound) {
    // "решили остаться со старым поставщиком": an infinitive after a decision taken is what was decided.
    const done = ss.filter(
      ([a]) =>
        !/^(?:\p{L}+(?:ть|ться|ти)|перезвон)(?![\p{L}])/u.test(lower.slice(a)) ||
        (kind === "lost" && /(?<![\p{L}])(?:решил\p{L}*|предпочл\p{L}*)\s+$/u.test(lower.slice(0, a))),
    );
    if (done.length === 0) kindsFound.delete(kind);
    else kindsFound.set(kind, done);
  }
  // "Кедр ушёл в Техномакс": gone to a company named with a capital is gone to a competitor.
  // The competitor's name is not the client's.
  const goneTo = /(?<![\p{L}])(?:уш(?:[её]л|ла|ли)|переш(?:[её]л|ла|ли))\s+(?:к|в)\s+\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)*/u.exec(
    text,
  );
  // "ушёл в Гранит на встречу": a visit to the team's own client or to a meeting is no loss.
  const goneToCompetitor =
    goneTo !== null && !APPOINTMENT_WORD.test(lower) && lookupKnown(goneTo[0].replace(/^\S+\s+\S+\s+/u, ""), known) === null;
  if (goneTo && goneToCompetitor && !kindsFound.has("lost")) {
    kindsFound.set("lost", [[goneTo.index, goneTo.index + goneTo[0].length]]);
    consumed.push([goneTo.index, goneTo.index + goneTo[0].length]);
  }
  const notHeld = spans(NOT_HELD, lower).length > 0;
  // "КП так и не отправил", "встречу пока не назначили": every verb of the clause negated, nothing was done.
  const verbs = morph ? tokenize(lower).filter((t) => isCyrillic(t.lower) && morph(t.lower, null)?.tense === "past") : [];
  const allNegated = verbs.length > 0 && verbs.every((t) => /(?:^|\s)не\s+$/u.test(lower.slice(0, t.start)));
  // "Hooli still hasn't replied to our proposal": in English, every past verb negated.
  const enNegated = spans(EN_NEGATED, lower);
  const enAllNegated =
    !isCyrillic(lower) && enNegated.length > 0 && spans(EN_PAST, lower).every(([a, b]) => enNegated.some(([x, y]) => a < y && b > x));
  const moved = spans(MOVED, lower).length > 0;
  for (const [kind, ss] of kindsFound) {
    if (kind === "lost") continue;
    const done = ss.filter(([a]) => {
      const before = lower.slice(0, a);
      if (PLANNED.test(before) || NEGATION_BEFORE.test(before) || TIME_REFERENCE.test(before) || UNDER_WAY.test(before)) return false;
      // "звонок по оплате", "напомнил про оплату", "called about the invoice": the event word is the topic.
      if (kind !== "call" && TOPIC_BEFORE.test(before)) return false;
      if (STATUS_AFTER.test(lower.slice(a))) return false;
      // "пришлю КП", "шлю КП", "обещал выслать КП": the verb just before the event word is still to come.
      if (morph && kind !== "call") {
        const prev = /(\p{L}+)\s+$/u.exec(before)?.[1];
        const tense = prev && isCyrillic(prev) && !STOP.has(prev) ? morph(prev, null)?.tense : undefined;
        if (tense === "futr" || tense === "pres" || tense === "impr" || tense === "infn") return false;
        // "позвоню", "встречусь": the event word itself in the future.
        const own = /^\p{L}+/u.exec(lower.slice(a))?.[0];
        const ownTense = own && isCyrillic(own) ? morph(own, null)?.tense : undefined;
        if (ownTense === "futr" || ownTense === "impr") return false;
      }
      if ((allNegated || enAllNegated) && kind !== "call") return false;
      // A meeting moved, called off or not held was not held.
      if ((kind === "meeting" || kind === "presentation") && (moved || notHeld)) return false;
      return true;
    });
    if (done.length === 0) kindsFound.delete(kind);
    else kindsFound.set(kind, done);
  }
  // "Northwind moved our call to next week", "перенесли созвон": a call moved is an appointment, not a call made.
  const movedAt = spans(MOVED, lower)[0]?.[0];
  if (movedAt !== undefined && noanswer.length === 0 && reached.length === 0) {
    const calls = kindsFound.get("call");
    // "перенёс по телефону", "moved it over the phone": the phone is how it was moved, a call made.
    const medium = ([a, b]: [number, number]) =>
      /^по\s+телефону/u.test(lower.slice(a, b)) ||
      /(?:(?:^|\s)(?:на|во\s+время)|over\s+the|on\s+(?:a|the)|by)\s+$/u.test(lower.slice(0, a));
    // "вчерашний звонок Ромашке перенесли": a call named by its noun and moved was not made either.
    const noun = ([a]: [number, number]) =>
      /^(?:звонок|звонк[аиу]|созвон|созвон[аыу]|call|calls)(?![\p{L}])/u.test(lower.slice(a)) &&
      !/(?:^|\s)(?:на|по|on|a)\s+$/u.test(lower.slice(0, a));
    if (calls?.every((c) => (c[0] > movedAt || noun(c)) && !medium(c))) kindsFound.delete("call");
  }
  // "встреча сорвалась", "the demo fell through": said of a meeting it was not held, no deal was lost.
  const lostSpans = kindsFound.get("lost");
  if (lostSpans && APPOINTMENT_WORD.test(lower) && lostSpans.every(([a, b]) => /^(?:сорвал|fell\s+through)/u.test(lower.slice(a, b))))
    kindsFound.delete("lost");
  // "договорились о встрече", "согласились на демо" book a meeting on a call; they are not the meeting itself.
  for (const booked of ["meeting", "presentation"] as const) {
    const onlyAsOutcome = (kindsFound.get(booked) ?? []).every(
      ([a]) =>
        meetingOutcome.some(([x, y]) => a >= x && a < y) ||
        meetingOutcome.some(([x]) => x > a && BOOKED_AFTER.test(lower.slice(a, x))) ||
        // "invite sent to Bluebird for a demo": what the booking was for.
        (meetingOutcome.some(([, y]) => a >= y) && /(?:for|на)\s+(?:an?\s+|the\s+)?$/u.test(lower.slice(0, a))),
    );
    if (meetingOutcome.length > 0 && onlyAsOutcome) kindsFound.delete(booked);
  }
  if (kindsFound.has("meeting") && spans(VIDEO_RE, lower).length > 0 && noanswer.length === 0) kindsFound.delete("call");
  // "met Massive Dynamic at the expo": a contact from an exhibition is a lead, not a meeting.
  // A client the team already has, met there, was met: the meeting stands (decided once the clients are read).
  const metAtExpo = kindsFound.has("lead") && spans(EXPO_RE, lower).length > 0 ? kindsFound.get("meeting") : undefined;
  if (kindsFound.has("lead") && spans(EXPO_RE, lower).length > 0)
    for (const k of ["meeting", "call", "presentation"] as const) kindsFound.delete(k);
  // "входящий звонок от …": an inbound call from someone new is a lead.
  // "они сами позвонили и перенесли встречу": a call the client made to move a meeting is no lead.
  if (kindsFound.has("lead") && INBOUND.test(lower)) kindsFound.delete(moved || context.rebooked ? "lead" : "call");
  // "inbound demo request", "запрос на КП": what a new client asks for is the lead, not an event of ours.
  if (kindsFound.has("lead") && /request|запрос/u.test(lower))
    for (const k of ["presentation", "proposal", "meeting", "call"] as const) kindsFound.delete(k);
  // "звонок Ромашка встреча": a call that booked a meeting.
  // "Hooli call: they'll come to our office thursday": a call that sets a meeting ahead booked it.
  // Only a call that happened: a past verb, or the client's own step ahead ("they'll come", "зовут").
  const callDone =
    spans(EN_PAST, lower).length > 0 ||
    spans(AHEAD_HINT, lower).length > 0 ||
    (morph !== null && tokenize(lower).some((t) => isCyrillic(t.lower) && morph(t.lower, null)?.tense === "past"));
  const aheadOnCall = meetingAhead && callWord && callDone && kindsFound.has("call");
  if (aheadOnCall) {
    kindsFound.delete("meeting");
    kindsFound.delete("presentation");
    // The call is done; the weekday is the meeting's, ahead.
    clause.plan = false;
    if (clause.day?.type === "weekday") clause.day = null;
  }
  const callBooked = aheadOnCall || (kindsFound.has("call") && kindsFound.has("meeting") && kindsFound.size === 2);
  if (callBooked) kindsFound.delete("meeting");
  if (noanswer.length > 0 && !kindsFound.has("call")) kindsFound.set("call", noanswer);
  if (reached.length > 0 && kindsFound.size === 0) {
    kindsFound.set("call", reached);
    clause.reachedOnly = true;
  }
  clause.kind = KIND_PATTERNS.map(([k]) => k).find((k) => kindsFound.has(k)) ?? null;
  // A phrase the team taught by correcting a reading names the kind, before any rule.
  for (const alias of aliases.kinds) {
    const at = phraseSpans(alias.phrase, lower)[0];
    if (!at || !isActivityKind(alias.value)) continue;
    clause.kind = alias.value;
    clause.reachedOnly = false;
    kindsFound.set(alias.value, [at]);
    consumed.push(at);
    break;
  }
  const kindSpan = clause.kind ? kindsFound.get(clause.kind)?.[0] : undefined;
  if (kindSpan) clause.kindPhrase = text.slice(kindSpan[0], kindSpan[1]);
  // "не будут брать": a loss is said in the future tense too.
  if (clause.kind === "lost") clause.plan = false;
  // "хотят встречу" alone is the outcome of a call told before it, never a call of its own.
  const wishOnly = meetingOutcome.length > 0 && meetingOutcome.every(([a]) => spans(WISH, lower).some(([x]) => x === a));
  if (meetingOutcome.length > 0 && (clause.kind === null || clause.kind === "call") && !(wishOnly && clause.kind === null))
    clause.kind = "call";
  // "Орловой набрала, встреча перенеслась на среду": a meeting moved on a call is booked anew.
  // "Initech rescheduled the demo, called them and we moved it": the meeting may be named in another clause.
  // "Лотос перенёс демо на пятницу, созвонились": the call told with the move is the one that moved it.
  const rebooked = (moved && !notHeld && (APPOINTMENT_WORD.test(lower) || appointmentInMessage) && !calledOff(lower)) || context.rebooked;
  clause.outcome =
    noanswer.length > 0
      ? "noanswer"
      : meetingOutcome.length > 0 || callBooked || rebooked
        ? "meeting"
        : reached.length > 0
          ? "reached"
          : null;

  // The reason of a loss follows a dash, a colon or "потому что"; names come before it.
  let head = text;
  if (clause.kind === "lost") {
    REASON_SEP.lastIndex = 0;
    const lostAt = kindsFound.get("lost")?.[0]?.[0] ?? 0;
    // The reason comes after the loss word: "Вега — отказ, дорого" names the client before it.
    const sep = [...lower.matchAll(REASON_SEP)].find((m) => m.index >= lostAt);
    if (sep) {
      const keepWord = /^(?:из-за|due)/iu.test(sep[0]);
      const reason = text
        .slice(keepWord ? sep.index : sep.index + sep[0].length)
        .replace(REASON_LEAD, "")
        .replace(/[\s.!,;)]+$/gu, "")
        .trim();
      if (reason) clause.reason = reason.slice(0, MAX_REASON_LENGTH);
      head = text.slice(0, sep.index);
      // "closed-lost: Bluebird": with no name before the separator, the name after it is the client, not the reason.
      if (findClients(text, head.length, [], known, morph).length === 0) {
        const after = findClients(text, text.length, [], known, morph).find((c) => c.start >= sep.index);
        if (after && clause.reason?.startsWith(after.typed)) {
          head = text;
          clause.reason =
            clause.reason
              .slice(after.typed.length)
              .replace(REASON_LEAD, "")
              .replace(/^[\s,.;]+/u, "") || null;
        }
      }
    }
  }

  const amounts = findAmounts(text);
  for (const a of amounts) consumed.push([a.start, a.end]);
  const money = amounts.find((a) => a.strong) ?? amounts.find((a) => (a.minor ?? 0) >= 100_000) ?? null;
  if (money) clause.amountPhrase = text.slice(money.start, money.end);
  const taughtAmount = aliases.amounts.map((a) => ({ a, at: phraseSpans(a.phrase, lower)[0] })).find((x) => x.at);
  if (taughtAmount?.at) {
    clause.amountMinor = Number(taughtAmount.a.value);
    clause.amountPhrase = text.slice(taughtAmount.at[0], taughtAmount.at[1]);
    consumed.push(taughtAmount.at);
  } else if (money) {
    if (money.foreign) clause.currency = true;
    else if (money.invalid) clause.amountInvalid = true;
    else clause.amountMinor = money.minor;
  } else if (/(?:^|\s)\$\s*\d|\d\s*(?:\$|€|usd|eur)/iu.test(text)) clause.currency = true;

  clause.clients = findClients(text, head.length, consumed, known, morph);
  // "Globex referred us to Vandelay", "по рекомендации Веги пришёл Луч": the one who recommended is not the lead.
  if (clause.kind === "lead" && clause.clients.length > 1) {
    const referrer = (c: ClientRef) => REFERRED_BY.test(text.slice(0, c.start)) || REFERRED.test(text.slice(c.start + c.typed.length));
    if (clause.clients.some((c) => !referrer(c))) clause.clients = clause.clients.filter((c) => !referrer(c));
  }
  if (metAtExpo && clause.kind === "lead" && clause.clients.length > 0 && clause.clients.every((c) => !c.isNew)) {
    clause.kind = "meeting";
    clause.kindPhrase = text.slice(metAtExpo[0]![0], metAtExpo[0]![1]);
  }
  return clause;
}

function findClients(
  text: string,
  headEnd: number,
  consumed: [number, number][],
  index: KnownClients,
  morph: Morphology | null,
): ClientRef[] {
  const found: ClientRef[] = [];
  const used: [number, number][] = [];
  // Quoted names are taken as written; an apostrophe inside a word ("wouldn't", "Acme's") quotes nothing.
  for (const m of text.slice(0, headEnd).matchAll(/(?:[«"“„]|(?<![\p{L}])')([^«»"“”„']{1,200})(?:[»"”“]|'(?![\p{L}]))/gu)) {
    const name = stripLegal(m[1]!.trim());
    if (!name) continue;
    const k = lookupKnown(name, index);
    found.push({ name: k?.name ?? name, isNew: !k, start: m.index, typed: m[1]!.trim() });
    used.push([m.index, m.index + m[0].length]);
  }
  const tokens = tokenize(text).filter((t) => t.end <= headEnd && !covered(t, used));
  const bases = tokens.map((t) => (morph && isCyrillic(t.lower) ? (morph(t.lower, null)?.base ?? null) : null));
  // The team's own clients, despite case endings, spacing, legal forms and a typo; longer spans first.
  const words = tokens.map((t) => t.lower);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (covered(t, consumed) || STOP.has(t.lower) || LEGAL.has(t.lower) || /^\d/.test(t.lower)) continue;
    const hit = matchKnownAt(words, bases, i, index, isUpper(t.text));
    if (!hit) continue;
    // "Соколов подписал": a surname whose base form is not the client's name is a person, not «Сокол» inflected.
    const surname = hit.words === 1 && morph !== null && isCyrillic(t.lower) && morph(t.lower, null)?.proper === "surname";
    if (surname && bases[i] && compact(bases[i]!) !== hit.client.key && compact(t.lower) !== hit.client.key) continue;
    // "ООО Вектор Плюс": a capitalised word inside another name is not a known client a typo away ("Полюс").
    const before = tokens[i - 1];
    const midName =
      before !== undefined &&
      isUpper(t.text) &&
      isUpper(before.text) &&
      text.slice(before.end, t.start).trim() === "" &&
      !covered(before, used) &&
      !covered(before, consumed) &&
      !STOP.has(before.lower) &&
      (LEGAL.has(tokens[i - 2]?.lower ?? "") || (i >= 2 && isUpper(before.text) && !morph?.(before.lower, null)?.tense));
    if (midName && hit.words === 1 && norm(t.lower) !== norm(hit.client.name)) continue;
    const last = tokens[i + hit.words - 1]!;
    found.push({ name: hit.client.name, isNew: false, start: t.start, typed: text.slice(t.start, last.end) });
    used.push([t.start, last.end]);
    i += hit.words - 1;
  }
  // Otherwise the named phrase: capitalised words, Latin words, or the word after "в/с/для…".
  const free = tokens.filter((t) => !covered(t, used) && !covered(t, consumed));
  const all = tokens;
  let i = 0;
  while (i < free.length) {
    const t = free[i]!;
    const idx = all.indexOf(t);
    const prev = all[idx - 1];
    const prevPrev = all[idx - 2];
    const prep = prev && !covered(prev, used) ? NAME_PREPS[prev.lower] : undefined;
    const afterLegal = prev !== undefined && LEGAL.has(prev.lower);
    const prepOverLegal = afterLegal && prevPrev ? NAME_PREPS[prevPrev.lower] : undefined;
    // "с ИП Петров": after a legal form the name may stay in the nominative.
    const cases = prep ?? (prepOverLegal ? [...prepOverLegal, "nomn" as const] : null);
    const first = idx === 0 || (idx === 1 && prev !== undefined && STOP.has(prev.lower) && !prep);
    if (!nameish(t, first, cases !== null || afterLegal, cases, morph)) {
      i++;
      continue;
    }
    const run: Token[] = [t];
    let j = i + 1;
    while (j < free.length) {
      const n = free[j]!;
      const nIdx = all.indexOf(n);
      if (nIdx !== all.indexOf(run[run.length - 1]!) + 1) break;
      // "с Зелёной долиной": a lowercase noun after a capitalised adjective is the rest of the name.
      const prevWord = run[run.length - 1]!;
      const nounAfterAdjective =
        morph !== null &&
        run.length === 1 &&
        isCyrillic(n.text) &&
        isUpper(prevWord.text) &&
        morph(prevWord.lower, cases)?.pos === "adj" &&
        morph(n.lower, cases)?.pos === "noun" &&
        !ROLES.has(morph(n.lower, null)?.base ?? "");
      if (!(isUpper(n.text) || /\d/.test(n.text) || nounAfterAdjective || (!isCyrillic(n.text) && !STOP.has(n.lower))) || STOP.has(n.lower))
        break;
      // "Cyberdyne filled in the form": after a capitalised name a lowercase English word is the verb, not the name.
      if (!isCyrillic(n.text) && !isUpper(n.text) && isUpper(run[0]!.text) && !LEGAL.has(n.lower)) break;
      // "Hartley & Sons": an ampersand between capitalised words joins one name.
      const gap = text.slice(run[run.length - 1]!.end, n.start).trim();
      if (run[run.length - 1]!.possessive || (gap !== "" && !(gap === "&" && isUpper(n.text)))) break;
      run.push(n);
      j++;
    }
    // "с Верой из Звезды": the person is not the client, the company after "из" is;
    // "с Ивановым (Медтехника)": nor when the company follows in brackets.
    const after = all[all.indexOf(run[run.length - 1]!) + 1];
    const person = run.length === 1 && morph !== null && isCyrillic(t.lower) && PERSON.has(morph(t.lower, cases)?.proper ?? "");
    const bracketed = after !== undefined && /^\s*\(\s*$/u.test(text.slice(run[run.length - 1]!.end, after.start));
    if (run.length === 1 && after && (after.lower === "из" || after.lower === "from" || (person && bracketed))) {
      i = j;
      continue;
    }
    // "Hartley & Sons": a Latin name joined by an ampersand is kept as typed.
    const typedName = text.slice(t.start, run[run.length - 1]!.end);
    // "Oakridge Ltd": a legal form typed after the name is no part of it.
    const name = (
      run.every((x) => !isCyrillic(x.text)) && typedName.includes("&")
        ? typedName
        : stripLegal(baseName(run, cases, first || afterLegal, morph))
    ).slice(0, MAX_CLIENT_LENGTH);
    // A surname's base form is compared as it is: "Соколова" is Соколов, not «Сокол» with an ending.
    const surname =
      run.length === 1 &&
      morph !== null &&
      isCyrillic(t.lower) &&
      [cases ?? OBLIQUE, null].some((c) => morph(t.lower, c)?.proper === "surname");
    const k = lookupKnown(name, index, surname);
    const typed = text.slice(t.start, run[run.length - 1]!.end);
    found.push({ name: k?.name ?? name, isNew: !k, start: t.start, weak: !k && !isUpper(t.text), typed });
    i = j;
  }
  // "заявка с сайта от Кварца": a lowercase word counts as a name only when nothing better is there.
  const strong = found.filter((c) => !c.weak);
  return (strong.length > 0 ? strong : found).sort((a, b) => a.start - b.start);
}

/** Splits a message into clauses: sentences, commas, and "и/and" before another event. */
function splitClauses(text: string, morph: Morphology | null, known: KnownClients | null = null): string[] {
  const parts = text
    .split(/[!?;\n]+|\.(?=\s|$)|(?<!\d),\s*|,(?=\s)\s*|\s+(?:потом|затем|после\s+этого|а\s+также|then|after\s+that|also)\s+/iu)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    // "позвонил и отправил КП" is two events; "в Acme и в Beta" is one event, two clients.
    // "Hartley & Sons": an ampersand before a capitalised word joins a name.
    const pieces = part.split(/\s+(?:и|а|and)\s+|\s+&\s+(?!\p{Lu})/iu);
    let current = pieces[0]!;
    for (const piece of pieces.slice(1)) {
      const l = norm(piece);
      // "Звезду на 90к и Меркурий на 150к": a second amount is a second deal.
      const ownAmount = findAmounts(piece).some((a) => a.strong) && findAmounts(current).some((a) => a.strong);
      const pieceEvent = KIND_PATTERNS.some(([, re]) => spans(re, l).length > 0) || spans(NOANSWER, l).length > 0;
      // "Globex and Initech both went with competitors": names joined before one event are its subjects.
      if (ownAmount || (pieceEvent && hasEvent(norm(current)))) {
        out.push(current);
        current = piece;
      } else current += ` и ${piece}`;
    }
    out.push(current);
  }
  return morph ? out.flatMap((c) => splitRunOn(c, morph, known)) : out;
}

const hasEvent = (lower: string) =>
  KIND_PATTERNS.some(([, re]) => spans(re, lower).length > 0) || spans(NOANSWER, lower).length > 0 || spans(REACHED, lower).length > 0;

/**
 * "звонил в полюс никто не взял потом набрал звезду поговорили отправил кп": voice input and
 * quick typing leave no commas, so a past-tense verb that starts another event starts a clause.
 */
function splitRunOn(clause: string, morph: Morphology, known: KnownClients | null): string[] {
  const tokens = tokenize(clause);
  if (tokens.length < 4) return [clause];
  const lower = norm(clause);
  // Never inside one phrase ("никто не ответил", "nobody picked up", "договорились о встрече").
  const phrases = [NOANSWER, MEETING_OUTCOME, REACHED, ...KIND_PATTERNS.map(([, re]) => re)].flatMap((re) => spans(re, lower));
  const isPast = (t: Token) =>
    isCyrillic(t.lower)
      ? morph(t.lower, null)?.tense === "past"
      : /^(?:\p{L}+ed|met|sent|spoke|rang|paid|sold|signed|closed|won|lost)$/u.test(t.lower);
  const words = tokens.map((t) => t.lower);
  const bases = tokens.map((t) => (isCyrillic(t.lower) ? (morph(t.lower, null)?.base ?? null) : null));
  const out: string[] = [];
  let from = 0;
  for (let i = 1; i < tokens.length; i++) {
    const verb = tokens[i]!;
    if (!isPast(verb)) continue;
    // The piece starts at its subject: "… арктика не взяла нептун поговорили" splits before
    // "нептун", the client that spoke, and before "не" of a negated verb.
    let s = i;
    if (tokens[s - 1]?.lower === "не" || tokens[s - 1]?.lower === "not") s--;
    // A name after a preposition ("созвонился с Орионом назначили") is the object of what came before.
    const governed = NAME_PREPS[tokens[s - 2]?.lower ?? ""] !== undefined;
    const subject = s >= 2 && known && !governed ? matchKnownAt(words, bases, s - 1, known) : null;
    if (subject?.words === 1 && clause.slice(tokens[s - 1]!.end, tokens[s]!.start).trim() === "") s--;
    const t = tokens[s]!;
    if (s < i && t.start <= from) continue;
    if (phrases.some(([a, b]) => a < t.start && t.start < b)) continue;
    // Each piece has its own predicate: "сделка с Вектором сорвалась" is one event.
    if (!tokens.some((x) => x.start >= from && x.end <= t.start && isPast(x))) continue;
    const head = clause.slice(from, t.start);
    const rest = clause.slice(t.start);
    if (tokens.filter((x) => x.start >= from && x.end <= t.start).length < 2) continue;
    if (!hasEvent(norm(head)) || !hasEvent(norm(rest))) continue;
    // "договорились что приеду", "сказали что подписали": a verb after "что" reports, it does not start an event.
    if (/(?:что|чтобы|that|как)\s*$/iu.test(head)) continue;
    out.push(head.trim());
    from = t.start;
  }
  out.push(clause.slice(from).trim());
  return out.filter(Boolean);
}

interface Draft {
  kind: ActivityKind;
  outcome: CallOutcome | null;
  client: ClientRef | null;
  amountMinor: number | null;
  reason: string | null;
  day: DayRef | null;
  kindPhrase: string | null;
  amountPhrase: string | null;
}

/** Reads a free-text report into proposed entries. */
export function readFreeText(
  text: string,
  knownClients: readonly string[],
  morph: Morphology | null = null,
  aliases: readonly TextAlias[] = [],
): FreeTextReading {
  const sorted = sortAliases(aliases);
  const index = prepareKnownClients(knownClients, sorted.clients);
  const raws = splitClauses(text.slice(0, 2000), morph, index);
  // A message about an email or a chat message with no call word: its "no answer" is no call.
  const lowerText = norm(text);
  const context: MessageContext = {
    written: spans(WRITTEN, lowerText).length > 0 && spans(CALL_WORD, lowerText).length === 0,
    appointment: APPOINTMENT_WORD.test(lowerText),
    rebooked:
      spans(MOVED, lowerText).length > 0 &&
      APPOINTMENT_WORD.test(lowerText) &&
      !calledOff(lowerText) &&
      spans(NOT_HELD, lowerText).length === 0,
    call: [CALL_WORD, NOANSWER].some((re) => spans(re, lowerText).length > 0),
  };
  const clauses = raws.map((c) => readClause(c, index, sorted, morph, context));
  // "в понедельник демо в Океане, во вторник подписали": a diary of past weekdays dates the verbless entry before a
  // dated one as done that day, not as an appointment ahead.
  const lastDated = clauses.findLastIndex((c) => c.past && c.day?.type === "weekday");
  for (const c of clauses.slice(0, Math.max(lastDated, 0)))
    if (c.verblessWeekday && c.kind !== null) {
      c.plan = false;
      c.day = c.verblessWeekday;
    }
  const notes = new Set<ReadingNote>();
  const drafts: Draft[] = [];
  let pendingClients: ClientRef[] = [];
  // The clause the last event was read from.
  let lastOwner: Clause | null = null;
  let lastClause: Draft[] = [];
  let amountInvalid = false;
  let pendingAmount: number | null = null;
  let pendingAmountPhrase: string | null = null;
  const nothing = nothingToLog(text, clauses);
  if (nothing) return { entries: [], guessed: false, confident: false, notes: [], nothing };
  // A named day holds for the clauses after it until another is named ("вчера …, сегодня …").
  let day: DayRef | null = null;
  for (const c of clauses) {
    if (c.day) day = c.day.type === "ago" && c.day.days === 0 ? null : c.day;
    // "…, отправлю КП": what is only planned is not logged.
    const prior = drafts[drafts.length - 1];
    const ofClient = (d: Draft) =>
      c.clients.length === 0 || c.clients.some((x) => d.client && clientKey(x.name) === clientKey(d.client.name));
    // "Техносфера поговорили, Агро-Юг назначил встречу": another client's booking is its own call.
    const othersBooking = c.kind === "call" && c.outcome === "meeting" && !lastClause.some(ofClient);
    if (c.bookedAhead && prior?.kind === "call" && prior.outcome !== "noanswer" && !othersBooking) {
      for (const d of lastClause) if (d.kind === "call" && ofClient(d)) d.outcome = "meeting";
      continue;
    }
    if (c.plan && !c.pastDay) continue;
    if (c.currency) notes.add("currency");
    if (c.amountInvalid) amountInvalid = true;
    if (c.pastDay) notes.add("past_day");
    const last = drafts[drafts.length - 1];
    // A follow-on remark ("он в отпуске") does not name a new client for an event that has one.
    if (last?.client && (c.kind === null || c.kind === last.kind)) c.clients = c.clients.filter((x) => !x.weak);
    // "обсудили условия" after a meeting is a remark on it, not a call.
    if (c.reachedOnly && last && last.kind !== "call" && c.clients.length === 0) c.kind = null;
    // "did the demo for Acme, 6 people on the call": the call is where the event before happened.
    if (c.kind === "call" && c.callMedium && c.outcome === null && last && last.kind !== "call") c.kind = null;
    // "вчера не дозвонился, сегодня дозвонился": another day is another event.
    const otherDay = last !== undefined && !sameDayRef(last.day, day);
    // "отправила прайс и КП Меркурию": the same event again, naming the client the first one lacked.
    const sameKindAsLast = last && c.kind === last.kind && (c.clients.length === 0 || !last.client) && !otherDay;
    // "набрал, никто не ответил, перезвонил через час, поговорили": a call word after one not reached is a second call.
    // "Омега не отвечает, звонил опять": a call word with no outcome after an outcome told with none is that call.
    const sameCall = c.outcome === null && lastOwner !== null && !lastOwner.callWord;
    const callAgain = c.kind === "call" && !c.reachedOnly && last?.outcome === "noanswer" && c.outcome !== "noanswer" && !sameCall;
    const outcomeOfLast = c.kind === "call" && last?.kind === "call" && c.outcome !== null && !otherDay && !callAgain;
    if (c.kind === null || (sameKindAsLast && !callAgain) || outcomeOfLast) {
      // A clause with no event of its own adds to the previous one.
      if (!last) {
        pendingClients.push(...c.clients);
        if (pendingAmount === null) {
          pendingAmount = c.amountMinor;
          pendingAmountPhrase = c.amountPhrase;
        }
        continue;
      }
      if (c.outcome && last.kind === "call") {
        const target = c.clients.length
          ? drafts.find((d) => d.kind === "call" && d.client && c.clients.some((x) => clientKey(x.name) === clientKey(d.client!.name)))
          : null;
        if (target) {
          target.outcome = c.outcome;
          // "звонил Веге и Ориону, дозвонился только до Веги": the others called then were not reached.
          if (c.outcome === "reached" && ONLY.test(norm(raws[clauses.indexOf(c)] ?? "")))
            for (const d of lastClause) if (d !== target && d.kind === "call" && d.outcome === null) d.outcome = "noanswer";
        } else if (c.clients.length === 0) {
          // "договорились о встрече, хорошо поговорили": a call that booked a meeting stays booked.
          for (const d of lastClause) if (d.kind === "call" && !(d.outcome === "meeting" && c.outcome === "reached")) d.outcome = c.outcome;
        } else
          for (const cl of c.clients) {
            // "2 calls today, both voicemail: Globex": the call told with no client was this client's.
            if (!last.client && lastClause.includes(last)) {
              last.client = cl;
              last.outcome = c.outcome;
              continue;
            }
            const more = { ...last, client: cl, outcome: c.outcome };
            drafts.push(more);
            lastClause.push(more);
          }
        continue;
      }
      if (
        c.amountMinor !== null &&
        (last.kind === "deal" || last.kind === "proposal") &&
        last.amountMinor === null &&
        (c.clients.length === 0 || !last.client)
      )
        last.amountMinor = c.amountMinor;
      // "отказались, дорого": the words after a loss are its reason.
      if (last.kind === "lost" && !last.reason && c.clients.length === 0 && c.amountMinor === null) {
        last.reason = c.reason ?? reasonText(raws[clauses.indexOf(c)] ?? "");
      }
      for (const cl of c.clients) {
        // "…, Acme picked up": a client the message already has an event for adds nothing new.
        if (drafts.some((d) => d.client && clientKey(d.client.name) === clientKey(cl.name))) continue;
        if (!last.client) last.client = cl;
        // "зашёл клиент с улицы, ООО Дельта": a name typed as one outranks a lowercase word read as one.
        else if (last.client.weak && !cl.weak) last.client = cl;
        // A second client's deal has its own amount, or none: never the first one's.
        else {
          const more = {
            ...last,
            client: cl,
            reason: null,
            amountMinor: last.kind === "deal" || last.kind === "proposal" ? c.amountMinor : last.amountMinor,
            amountPhrase: last.kind === "deal" || last.kind === "proposal" ? c.amountPhrase : last.amountPhrase,
          };
          drafts.push(more);
          // "два звонка, Вега и Полюс, оба не взяли": a later outcome is told of every client named.
          if (lastClause.includes(last)) lastClause.push(more);
        }
      }
      continue;
    }
    // A follow-on event with no client of its own is about the previous one's client.
    const clients = c.clients.length ? c.clients : pendingClients.length ? pendingClients : [last?.client ?? null];
    // "Гранит на 200к и Полюс на 300к подписали": a name with its own amount before a deal is that deal's too.
    const ownDeal = c.kind === "deal" && c.clients.length > 0 && pendingAmount !== null ? pendingClients : [];
    pendingClients = [];
    lastClause = ownDeal.map((client) => ({
      kind: "deal" as const,
      outcome: null,
      client,
      amountMinor: pendingAmount,
      reason: null,
      day,
      kindPhrase: c.kindPhrase,
      amountPhrase: pendingAmountPhrase,
    }));
    if (ownDeal.length > 0) pendingAmount = null;
    for (const client of clients) {
      lastClause.push({
        kind: c.kind,
        outcome: c.kind === "call" ? c.outcome : null,
        client,
        // A proposal's amount is kept while reading: an invoice paid later in the message hands it to the deal.
        amountMinor: c.kind === "deal" ? (c.amountMinor ?? pendingAmount) : c.kind === "proposal" ? c.amountMinor : null,
        reason: c.kind === "lost" ? c.reason : null,
        day,
        kindPhrase: c.kindPhrase,
        amountPhrase:
          c.kind === "deal"
            ? c.amountMinor !== null
              ? c.amountPhrase
              : pendingAmountPhrase
            : c.kind === "proposal"
              ? c.amountPhrase
              : null,
      });
    }
    drafts.push(...lastClause);
    lastOwner = c;
    pendingAmount = null;
  }

  // "у Веги была, презентовала продукт": a visit at which a demo was given is the presentation;
  // "встретился, потом провёл демо" tells two in sequence.
  const sequence = /(?<![\p{L}])(?:потом|затем|после\s+этого|then|after\s+that|afterwards|later)(?![\p{L}])/iu.test(text);
  for (let i = drafts.length - 2; i >= 0 && !sequence; i--) {
    const [d, next] = [drafts[i]!, drafts[i + 1]!];
    const sameClient = !next.client || !d.client || clientKey(next.client.name) === clientKey(d.client.name);
    if (d.kind === "meeting" && next.kind === "presentation" && sameClient && sameDayRef(d.day, next.day)) {
      next.client ??= d.client;
      drafts.splice(i, 1);
    }
  }
  // "выставил счёт, оплатили 60 тыс": an invoice paid in the same message is the deal's paperwork, not a proposal.
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i]!;
    const invoice = d.kind === "proposal" && /сч[её]т|invoice|выстав/iu.test(d.kindPhrase ?? "");
    const paid = invoice
      ? drafts.find((x) => x.kind === "deal" && (!x.client || !d.client || clientKey(x.client.name) === clientKey(d.client.name)))
      : undefined;
    if (paid) {
      // "выставил счёт на 40к, его оплатили": the amount invoiced is the amount paid when the payment names none.
      if (paid.amountMinor === null && d.amountMinor !== null) {
        paid.amountMinor = d.amountMinor;
        paid.amountPhrase = d.amountPhrase;
      }
      drafts.splice(i, 1);
    }
  }
  let guessed = false;
  if (drafts.length === 0) {
    // Nothing said what happened: the closest guess is a deal for an amount, else a call.
    guessed = true;
    const withAmount = clauses.find((c) => c.amountMinor !== null);
    const amount = withAmount?.amountMinor ?? null;
    const client = pendingClients[0] ?? null;
    // No word named the kind: the first other word is what a correction of the kind teaches.
    const kindPhrase = firstOtherWord(text, [client?.typed ?? "", withAmount?.amountPhrase ?? ""], morph);
    const guess = { outcome: null, client, reason: null, day, kindPhrase, amountPhrase: withAmount?.amountPhrase ?? null };
    if (amount !== null) drafts.push({ ...guess, kind: "deal", amountMinor: amount });
    else if (client) drafts.push({ ...guess, kind: "call", amountMinor: null });
  }
  if (amountInvalid && drafts.some((d) => d.kind === "deal" && d.amountMinor === null)) notes.add("amount_invalid");

  const entries: ProposedEntry[] = drafts.map((d) => {
    const clientName = d.client?.name ?? null;
    const missing =
      d.kind === "deal" && d.amountMinor === null ? "amount" : (d.kind === "lead" || d.kind === "lost") && !clientName ? "client" : null;
    return {
      kind: d.kind,
      outcome: d.kind === "call" ? (d.outcome ?? "reached") : null,
      clientName,
      amountMinor: d.kind === "deal" ? d.amountMinor : null,
      lostReason: d.kind === "lost" ? d.reason : null,
      clientIsNew: d.client?.isNew ?? false,
      missing,
      day: d.day,
      phrases: { client: d.client?.typed ?? null, kind: d.kindPhrase, amount: d.kind === "deal" ? d.amountPhrase : null },
    };
  });
  // Stored without asking only when complete, today, about a client the team already has.
  const confident =
    !guessed &&
    entries.length === 1 &&
    notes.size === 0 &&
    entries[0]!.missing === null &&
    entries[0]!.day === null &&
    entries[0]!.clientName !== null &&
    !entries[0]!.clientIsNew;
  return { entries, guessed, confident, notes: [...notes], nothing: null };
}

/** A clause as written, as a loss reason ("отказались, дорого"). */
function reasonText(raw: string): string | null {
  const cleaned = raw
    .replace(REASON_LEAD, "")
    .replace(/[\s.!,;)]+$/gu, "")
    .trim();
  return cleaned ? cleaned.slice(0, MAX_REASON_LENGTH) : null;
}

const sameDayRef = (a: DayRef | null, b: DayRef | null) => JSON.stringify(a) === JSON.stringify(b);

const QUESTION_START = w(
  "(?:а|и|ну|слушай|скажи|подскажи)?\\s*(?:(?:мне\\s+)?(?:нуж(?:ен|на|но|ны)|надо)\\s+(?:\\p{L}+\\s+)?(?:отч[её]т|статистик|выгрузк|сводк|список|рейтинг|цифр)\\p{L}*|сколько|почему|зачем|как|где|когда|кто|чей|чья|чьи|можешь|можете|who|whom|whose|would\\s+you|какой|какая|какие|какое|каков\\p{L}*|что\\s+(?:у\\s+меня|делать|нового)|покажи|подскажи|можно|how|why|what|where|when|which|can\\s+(?:you|u)|could\\s+(?:you|u)|show|is\\s+there|do\\s+i|does)(?![\\p{L}])",
);
// "план на сегодня — 30 звонков", "plan for today: 20 calls", "цель: 5 встреч": a list of what is to be done.
const PLAN_HEADER = w(
  "(?:(?:сегодня|today|на\\s+сегодня)\\s+)?(?:мой\\s+|my\\s+)?(?:план|планы|цель|цели|задача|задачи|todo|to-?do|to\\s+do|plan|plans|goal|goals|target|targets|agenda)(?:\\s+(?:на|for)\\s+(?:\\p{L}+\\s+)?\\p{L}+)?\\s*(?:[:—–-]|\\d)|" +
    "(?:next\\s+up|up\\s+next|coming\\s+up|later\\s+today)\\s*[:—–-]|" +
    // "на завтра: звонок Лотосу, КП Звезде", "tomorrow: meeting with Bluebird": a list under a day ahead.
    `(?:(?:на\\s+|for\\s+)?(?:завтра|послезавтра|tomorrow)|(?:на|for)\\s+(?:след\\p{L}*\\s+|next\\s+)?(?:неделю|week|${WD})|next\\s+week)\\s*:`,
);
// "удали звонок Веге", "fix the amount for Initech": an order to change what was logged; /undo and /edit do that.
const COMMAND = w(
  "(?:пожалуйста\\s+|please\\s+|pls\\s+|plz\\s+)?(?:удали|удалите|отмени|отмените|исправь|исправьте|поправь|поправьте|измени|измените|поменяй|поменяйте|delete|remove|undo|fix|change|edit|correct|update)(?![\\p{L}])",
);
const QUESTION_WORD = w("(?:сколько|почему|зачем|где|how\\s+(?:many|much)|why|where)(?![\\p{L}-])");
const COMPLAINT = w(
  // "клиенты вообще не берут трубки": the day's clients at large, no event of one client.
  "(?:клиенты|никто\\s+из\\s+клиентов)\\s+(?:\\p{L}+\\s+){0,3}не\\s+(?:бер|бр|отвеча|взял|снима)\\p{L}*|" +
    "(?:бот|bot)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:не|didn'?t|doesn'?t|won'?t)\\s|(?:бот|bot)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}(?:ignor|игнор|keeps|тупит|глюч|лага|сломал|broke|mess|missed|пропуска|потерял|lost|forgot|забыл|врет|врёт|ошиба)\\p{L}*|не\\s+посчитал\\p{L}*|не\\s+уч[её]л\\p{L}*|не\\s+записал\\p{L}*|didn'?t\\s+(?:save|record|log|count)|не\\s+работает|ничего\\s+не\\s+работает|сломал\\p{L}*|глючит|баг(?![\\p{L}])|не\\s+засчит\\p{L}*|не\\s+отображ\\p{L}*|не\\s+вижу|не\\s+сохрани\\p{L}*|пропал\\p{L}*|(?:записал\\p{L}*|посчитал\\p{L}*|засчитал\\p{L}*|logged|counted|recorded|saved)\\s+(?:\\p{L}+\\s+){0,3}(?:дважды|двойн\\p{L}*|twice)|задвоил\\p{L}*|(?:записал\\p{L}*|посчитал\\p{L}*)\\s+не\\s+(?:тот|та|то|так)|не\\s+(?:тот|та|то)\\s+(?:\\p{L}+\\s+)?записал\\p{L}*|исправь\\p{L}*|поправь\\p{L}*|это\\s+был[аои]?\\s+(?:\\p{L}+\\s+){1,3}а\\s+не|это\\s+(?:был[аои]?\\s+)?не\\s+\\p{L}+\\s*,?\\s+а\\s|(?:that|it|this)(?:\\s+was|\\s+is|'s)\\s+(?:an?\\s+)?\\p{L}+\\s*,?\\s+not\\s+(?:an?\\s+)?\\p{L}+|(?:logged|recorded|saved|counted|записал\\p{L}*|посчитал\\p{L}*|засчитал\\p{L}*|сохранил\\p{L}*)\\s+(?:\\p{L}+\\s+){0,3}(?:as|как)\\s+(?:an?\\s+)?\\p{L}+|should\\s+(?:have\\s+been|be)\\s+(?:an?\\s+)?\\p{L}+|logged\\s+(?:it\\s+)?wrong|wrong\\s+(?:client|entry|amount)|broken|bug(?![\\p{L}])|not\\s+working|doesn'?t\\s+work|didn'?t\\s+count|counted\\s+(?:\\p{L}+\\s+){0,3}twice|is\\s+missing",
);

/**
 * A question to the bot ("сколько у меня звонков?"), a reminder or a plan ("КП отправлю
 * завтра"), a complaint ("почему звонки не засчитались?"): nothing to log, whatever
 * event words it holds.
 */
function nothingToLog(text: string, clauses: Clause[]): NothingReason | null {
  const lower = norm(text).trim();
  if (spans(COMPLAINT, lower).length > 0 || spans(COMMAND, lower).some(([a]) => a === 0)) return "complaint";
  QUESTION_START.lastIndex = 0;
  const q = QUESTION_START.exec(lower);
  if (/\?\s*[)\p{Emoji_Presentation}]*$/u.test(lower) || (q && q.index === 0)) return "question";
  // "у меня сколько звонков сегодня", "а мои встречи за неделю где": a question word anywhere, nothing told as done.
  if (spans(QUESTION_WORD, lower).length > 0 && !clauses.some((c) => c.past || c.outcome !== null)) return "question";
  if (spans(PLAN_HEADER, lower).some(([a]) => a === 0)) return "plan";
  const events = clauses.filter((c) => c.kind !== null || c.clients.length > 0 || c.amountMinor !== null);
  if (events.length > 0 && events.every((c) => c.plan)) return "plan";
  return null;
}

interface SortedAliases {
  clients: { phrase: string; name: string }[];
  kinds: TextAlias[];
  amounts: TextAlias[];
}

/** The team's taught phrases by field, longest first (a longer phrase is the more specific). */
function sortAliases(aliases: readonly TextAlias[]): SortedAliases {
  const byLength = [...aliases].sort((a, b) => b.phrase.length - a.phrase.length);
  return {
    clients: byLength.filter((a) => a.field === "client").map((a) => ({ phrase: a.phrase, name: a.value })),
    kinds: byLength.filter((a) => a.field === "kind"),
    amounts: byLength.filter((a) => a.field === "amount" && /^\d{1,15}$/.test(a.value)),
  };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Where a taught phrase occurs as whole words, allowing a case ending on its last word ("презу" for "преза"). */
function phraseSpans(phrase: string, lower: string): [number, number][] {
  const stem = phrase.length > 4 ? phrase.replace(/[аяоеыиуюйь]$/u, "") : phrase;
  return spans(w(`${escapeRegex(stem).replace(/ /g, "\\s+")}\\p{L}{0,3}(?![\\p{L}])`), lower);
}

/** The first word of a message that is none of `taken` nor a small word: "воркшоп" in "воркшоп в Сигме". */
function firstOtherWord(text: string, taken: string[], morph: Morphology | null): string | null {
  const skip = new Set(taken.flatMap((t) => tokenize(t).map((x) => x.lower)));
  // A verb ("провёл") says that something was done, not what: the noun after it names the kind.
  const word = tokenize(text).find(
    (t) =>
      !skip.has(t.lower) &&
      !STOP.has(t.lower) &&
      t.lower.length >= 3 &&
      !/\d/.test(t.lower) &&
      !spans(AGO, t.lower).length &&
      (morph?.(t.lower, null)?.pos ?? "noun") !== "verb" &&
      !(morph === null && VERBISH.test(t.lower)),
  );
  return word?.text ?? null;
}

/**
 * Whether a phrase is one of the reader's own event words ("звонок", "КП", "не взял"):
 * a correction does not turn those into a team's phrase, so one odd fix cannot change
 * how every call is read; it teaches only words the reader did not know.
 */
export function isEventWord(phrase: string): boolean {
  const lower = norm(phrase);
  return [...KIND_PATTERNS.map(([, re]) => re), NOANSWER, MEETING_OUTCOME, REACHED].some((re) => spans(re, lower).length > 0);
}
