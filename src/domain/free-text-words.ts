// The free-text reader's words: the families of words and phrases that name each kind of event, an
// outcome, a day, money, a person's role and what is not an event at all. Written once here; the
// reading itself (src/domain/free-text.ts) decides what they mean together.
import { LEGAL_WORDS } from "./client-match.js";
import type { ActivityKind } from "./types.js";

export const L = "\\p{L}";
/**
 * `word` where `before` comes right before it: checked only where the word matched, so a long
 * "before" does not cost a look back from every position of the text.
 */
// The words before start at a word's start: "a 20-seat office" has no "at" before "office".
const preceded = (before: string, word: string) => `${word}(?<=(?<![${L}\\d])${before}${word})`;
/** A word-start-anchored pattern (JavaScript's \b does not know Cyrillic). */
export const w = (src: string) => new RegExp(`(?<![${L}\\d])(?:${src})`, "giu");

// A day or an adverb between a verb of visiting and its place: "были вчера у Рубина", "заезжали утром к Алмазу".
const WHEN_BETWEEN = "(?:(?:вчера|позавчера|сегодня|утром|днем|днём|вечером|уже|снова|опять|лично)\\s+)?";
// A weekday as it follows "в": "был в среду".
const WD_DAYS = "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|пн|вт|ср|чт|пт|сб|вс";
// A contact met at an exhibition or a conference is a lead, whatever verb says how it was met.
const EXPO =
  "(?:с|на)\\s+(?:выставк|конференц|форум|выставочн|ярмарк)\\p{L}*|(?:at|from)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:expo|trade\\s*show|exhibition|conference|trade\\s+fair|fair)(?![\\p{L}])";
export const EXPO_RE = w(EXPO);
// A video meeting is a meeting: "zoom call", "созвон в зуме" name the medium, not a phone call.
const VIDEO =
  "zoom|по\\s+видео|видеовстреч\\p{L}*|зум\\p{L}*|видеозвон\\p{L}*|видеосвяз\\p{L}*|видеоконф\\p{L}*|video\\s*(?:call|chat|conference)|google\\s+meet|(?:ms\\s+)?teams\\s+(?:call|meeting)|skype|скайп\\p{L}*|webex";
export const VIDEO_RE = w(VIDEO);

// Russian verbs of sending something over ("отправил", "скинул", "кинул", "выслал"), typos of "отправил" included.
const SENT_RU = "(?:отпр\\p{L}{0,2}ил|отправлен|выслал|(?:с|за|пере)?кинул|сбросил|направил|переслал|передал)";
// A verb of sending on its own ("отправил сразу", "sent it over"): what was sent is named elsewhere.
export const SENT_VERB = w(`${SENT_RU}\\p{L}*|выставил\\p{L}*|sent|emailed|forwarded`);
// "посоветовал нас", "перекинул на нас своего партнёра", "дал контакт своего партнёра": somebody who sent a new
// client our way (a contact of their own given at an exhibition makes them the lead).
const REFERRED_US =
  "порекомендовал\\p{L}*|посоветовал\\p{L}*|дал[аи]?\\s+(?:нам\\s+|мне\\s+)?контакт\\p{L}*\\s+(?:(?:сво|партн[её]р|знаком|друз|друг|коллег|сосед)\\p{L}*|на(?![\\p{L}])|сети|компании)|(?:перекинул|передал|направил|подкинул|прив[её]л|привел)\\p{L}*\\s+(?:на\\s+нас|нам|к\\s+нам)(?![\\p{L}])";
// "went to a competitor", "switched to a cheaper supplier", "went w/ a local provider", "signed with another agency":
// gone to somebody else, whatever the verb and the adjective.
const EN_GONE_TO =
  "(?:(?:went|gone|go|goes|switched|moved|signed|sticking|stuck|staying|stayed|going)\\s+(?:over\\s+)?(?:to|with|w/)|chose|picked|selected|opted\\s+for|hired|brought\\s+in)\\s+" +
  "(?:an?\\s+|another\\s+|the\\s+other\\s+|other\\s+|a\\s+different\\s+|some\\s+|their\\s+|a\\s+new\\s+)?(?!the\\s)(?:[\\p{L}-]+\\s+)?" +
  "(?:competitor|vendor|supplier|provider|contractor|agency|integrator|distributor)s?(?![\\p{L}])(?!\\s+(?:event|meeting|fair|expo|conference|portal|day|list|form|agreement|contract|registration))|(?:went|gone)\\s+w/";

// "went to Brightwell", "went over to see the owner", "stopped by Acme", "swung by", "popped into": a visit in English.
// Where one went is left to the name reader (a lookahead); voicemail, a competitor, a meal or a show are no visit.
const EN_TO_PLACE =
  "(?=(?:see|visit|meet|their|his|her)\\s|the\\s+(?:client|customer|office|site|plant|factory|warehouse|shop|store)|(?!voice|vm(?![\\p{L}])|(?:an?|another|other|the|competitor|vendor|supplier|lunch|dinner|breakfast|bed|work|sleep|school|it|that|this|them|him|us|me|my|our|expo|conference|court|legal|procurement|finance|accounting|review|tender|committee|board|approval|signature|contract|production|print)(?![\\p{L}]))\\p{L})";
const EN_VISIT = `appt(?![\\p{L}])|appointment|(?:went|headed|drove|walked|came)\\s+(?:over\\s+|down\\s+|out\\s+|up\\s+|back\\s+|round\\s+)?to\\s+${EN_TO_PLACE}|(?:stopped|swung|popped|dropped)\\s+(?:by|in|into|over)(?![\\p{L}])`;

// "reached out to Acme, their manager picked up": our own outreach is a call, unless told of a written channel
// ("reached out to us" is a lead).
const EN_CALL_MORE =
  "(?:pinged|pinging)(?!.*(?:linkedin|e-?mail|slack|whats-?app|telegram|texts?(?![\\p{L}])))|reached\\s+out\\s+to\\s+(?!us(?![\\p{L}]))(?!.*(?:e-?mail|linkedin|whats-?app|texts?(?![\\p{L}])|messages?(?![\\p{L}])|dm(?![\\p{L}])|inmail|telegram))";
// "someone from Harbor Tech emailed", "Globex introduced us to Sunset Bakery", "got an intro to": somebody new got in touch
// or was introduced; "someone from accounting picked up" is a department of the client one called, no lead.
const EN_LEAD_MORE =
  "(?:someone|somebody|a\\s+(?:guy|woman|lady|manager|buyer|rep|person))\\s+from\\s+(?!(?:their|the|its|our|his|her)\\s|(?:accounting|finance|purchasing|procurement|legal|sales|marketing|support|ops|it|hr|reception|the\\s+front\\s+desk)(?![\\p{L}]))(?=\\S)|introduced\\s+us\\s+to|put\\s+us\\s+in\\s+touch\\s+with|connected\\s+us\\s+(?:with|to)|(?:got|an?)\\s+(?:warm\\s+)?intro(?:duction)?\\s+to";
// "chose not to proceed", "won't be proceeding", "not moving ahead": a decision against in English.
const EN_LOST_MORE =
  // "packright gone, no budget": a client said to be gone.
  "renewed\\s+with\\s+(?:the\\s+|their\\s+)?(?:incumbent|current|existing|old|previous)|(?<=^\\s*(?!(?:it|that|this|he|she|they|issue|problem|budget|contact|guy|person)\\s)[\\p{L}\\d'’&-]+\\s+(?:is\\s+|are\\s+)?)gone(?=\\s*(?:$|[.,;!—–-]))|(?:chose|decided|opted)\\s+not\\s+to|(?:won'?t|will\\s+not)\\s+be\\s+(?:proceeding|moving\\s+(?:forward|ahead)|going\\s+ahead|buying|renewing|signing)|not\\s+(?:proceeding|moving\\s+ahead|going\\s+ahead)|(?:closed|closing|marked)\\s+(?:it|them|the\\s+deal)\\s+(?:out|as\\s+lost)|(?:chose|decided|opted|going|prefer\\p{L}*)\\s+to\\s+(?:build|do|make|develop|handle|keep)\\s+(?:it\\s+)?(?:themselves|internally|in-?house)";

// "the doctor is with a patient", "he's tied up", "she is travelling", "the owner was in a meeting", "he's in meetings all
// day": the one called is busy or away.
const EN_BUSY =
  "(?:\\p{L}+['’]s|is|was)\\s+(?:with\\s+(?:a\\s+)?(?:patient|client|customer)s?|tied\\s+up|travel+ing|off\\s+sick|out\\s+sick|on\\s+(?:another|a)\\s+call|in\\s+surgery|out\\s+of\\s+(?:the\\s+)?office)(?![\\p{L}])|" +
  "(?:\\p{L}+['’](?:s|re)|is|was|are|were)\\s+(?:still\\s+)?(?:in|at)\\s+(?:a\\s+|another\\s+|an?\\s+)?(?:meeting|meetings|conference)(?![\\p{L}])";
// "number is dead", "nobody picks up", "left a message with the front desk": a call not reached, in English.
const EN_NOANSWER_MORE =
  "(?:number|line|cell|mobile)\\s+(?:is\\s+|was\\s+)?(?:dead|off|disconnected)|(?:nobody|no\\s+one|noone)\\s+(?:picks|picking|answers|answering)|left\\s+(?:a\\s+|another\\s+)?(?:message|msg)\\s+with|(?:front\\s+desk|receptionist|secretary|assistant)\\s+(?:took|takes)\\s+(?:a\\s+)?message";
// "booked an appointment", "scheduled an onsite", "set up a site visit": an appointment of any name booked.
// "booked them a demo", "got him in for a meeting", "set us up a call": the one booked told between.
const EN_BOOKED_MORE =
  "(?:booked|scheduled|set\\s+up|arranged|locked\\s+in|lined\\s+up|got|made|confirmed|pencil+ed\\s+in)\\s+(?:an?\\s+|the\\s+|another\\s+)?(?:[\\p{L}-]+\\s+)?(?:appointment|appt|onsite|on-site|site\\s+visit|visit|walkthrough|tour|tasting|workshop)(?![\\p{L}])|(?:booked|scheduled|set\\s+up|arranged|confirmed|locked\\s+in|lined\\s+up)\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+)?(?:survey|inspection|viewing|showing)(?![\\p{L}])|" +
  "(?:booked|scheduled|set|lined|got|pencil+ed)\\s+(?:them|him|her|us|it)\\s+(?:up\\s+|in\\s+)?(?:for\\s+)?(?:an?\\s+|the\\s+|another\\s+)?(?:[\\p{L}-]+\\s+)?(?:demo|meeting|presentation|call|zoom|visit|appointment|appt|onsite|walkthrough)(?![\\p{L}])";

// "Initech picked our proposal", "Globex chose us", "went with us": the client chose us, a deal.
const EN_CHOSE_US =
  "(?:picked|chose|selected|went\\s+with|going\\s+with|awarded)\\s+(?:us(?![\\p{L}])|our\\s+(?:proposal|offer|quote|bid|solution|product|platform))";

export const EN_IRREGULAR_PAST =
  "ran|held|brought|caught|told|found|saw|wrote|bought|came|heard|kept|began|drove|flew|sat|led|spent|taught";

// The order is the priority when one clause names several kinds: "отказались от КП"
// is a loss, "сделка по КП" a deal, "презентация на встрече" a presentation.
// "подтвердила оплату в понедельник", "ждём оплату": a payment confirmed ahead or awaited, right before the word, is none made.
const PAYMENT_AWAITED = "(?<!(?:подтвердил\\p{L}*|обещал\\p{L}*|жд[её]м|ждут|жду|ожидаем)\\s+)";
export const KIND_PATTERNS: [ActivityKind, RegExp][] = [
  [
    "lost",
    w(
      `отказ|отказал|отказались|(?:пока|решил\\p{L}*|будут)\\s+без\\s+нас|минус(?<=(?:^|[.,;:!—–])\\s*минус)(?=\\s+[«"\\p{L}])(?!\\s+(?:\\d|скидк|процент|налог|ндс|комисси|доставк|расход|бонус|один|одна|одного|одну|два|две|ещ[её])\\p{L}*)|не\\s+выигра\\p{L}*|победила?(?![\\p{L}])(?!\\s+(?:в|на)\\s)|продлил\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:у|со?)\\s+(?:сво|друг|текущ|прежн|стар|нынешн|конкурент)\\p{L}*|сказал[аи]?\\s+нет(?!\\s+(?:на\\s+месте|в\\s+офисе|его|е[её]|их|никого|сейчас|связи))|(?<!пока\\s)(?:не\\s+актуальн|неактуальн)\\p{L}*|(?:слил(?:ся|ись|ась|и)|соскочил\\p{L}*|спрыгнул\\p{L}*)(?!\\s+(?:со?\\s+)?(?:встреч|демо|созвон|звонк|през))|(?:выигра|победил)\\p{L}*\\s+(?:друг|конкурент)\\p{L}*|(?<!(?:час\\p{L}*|день|дня|дней|минут\\p{L}*|время|утро)\\s)(?:потерял|потеряли)(?!\\s+(?:\\p{L}+\\s+)?(?:час|день|врем|полдня|утро))|передумал(?!\\p{L}*[\\s,]+(?:и\\s+)?(?:вернул|подписал|согласил|оплатил|берут|купил|заказал))|не\\s+(?:срослось|сложилось|выгорело)|сорвал(?!\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:срок|график|поставк|отгрузк|монтаж|дедлайн))|не\\s+будут|не\\s+буд(?:ет|ем)\\s+(?:\\p{L}+\\s+){0,3}(?:покупа|бра|заказыва|работа|подписыва|продлева|сотруднича)\\p{L}*|(?:won'?t|will\\s+not|not\\s+going\\s+to)\\s+(?:buy|sign|renew|proceed|go\\s+ahead|move\\s+forward)|не\\s+интерес|неинтерес|(?:уш(?:[её]л|ла|ли)|переш(?:[её]л|ла|ли)|ушл[аи]|достал\\p{L}*)\\s+(?:(?:к|в)\\s+)?(?:конкурент|другом|другой|другим|другую|других)|(?:уход(?:ит|ят)|переход(?:ит|ят))\\s+к\\s+(?:конкурент\\p{L}*|друг\\p{L}*\\s+(?:поставщик|подрядчик|дистрибьютор|вендор)\\p{L}*)|(?:решени\\p{L}*|выбор\\p{L}*|выбрали)\\s+в\\s+пользу\\s+(?:конкурент|друг|китайц|местн|тех|их)\\p{L}*|выбрали\\s+(?:другого|другой|другую|других|конкурент)|(?:купил|взял|заказал|закупил)\\p{L}*\\s+у\\s+(?!(?:нас|меня)(?![\\p{L}]))\\p{L}|(?:купил|заказал|закупил)\\p{L}*\\s+(?!(?:контакт|визитк|номер|телефон)\\p{L}*)(?:\\p{L}+\\s+){1,2}у\\s+(?:друг|конкурент|других|другого|другой)\\p{L}*|проигра[лн]\\p{L}*|пролетел\\p{L}*|отвалил|съехал|no[\\s-]+go(?![\\p{L}])|not\\s+moving\\s+forward|won'?t\\s+(?:move|go)\\s+forward|decided\\s+(?:against|not\\s+to)|нашли\\s+(?:\\p{L}+\\s+)?(?:дешевл|другого|другую|другой)|купили\\s+у\\s+(?:других|другого|конкурент)|стоп-?лист|расторг\\p{L}*|отменил\\p{L}*\\s+(?:заказ|сделк|договор|контракт)|cancel+ed\\s+(?:the\\s+|their\\s+)?(?:deal|contract|order)|заморозил\\p{L}*|выбрал\\p{L}*\\s+(?:конкурент|другого|другую|другой)|lost|declined(?!\\s+(?:my|our|the|a)\\s+calls?)|refused|rejected|passed\\s+on|not\\s+interested|(?:went|gone)\\s+(?:with|w/)|(?:chose|picked|selected|opted\\s+for|switched\\s+to|going\\s+with)\\s+(?:an?\\s+|another\\s+|the\\s+other\\s+|other\\s+|a\\s+different\\s+|some\\s+)?(?:competitor|vendor|supplier|provider|partner|contractor|agency|someone|somebody)|(?:chose|picked|selected|opted\\s+for|switched\\s+to)\\s+(?:another|a\\s+different|the\\s+other)(?![\\p{L}])|passed(?=\\s*(?:$|[.,;!)—–-])|\\s+for\\s+now)|(?:chose|picked|selected|opted\\s+for|went\\s+(?:with|to)|going\\s+with)\\s+(?:an?\\s+)?(?:cheaper|different|alternative|competing)(?![\\p{L}])|stay\\p{L}*\\s+with\\s+(?:their|the|its|his|her)\\s+(?:current|existing|old|incumbent|present)|оста[лт]\\p{L}*\\s+(?:со?\\s+)?(?:старым|текущим|своим|прежним|нынешним)|pulled\\s+(?:out|the\\s+plug)|closed[\\s-]+lost|not\\s+a\\s+(?:good\\s+)?fit|no\\s+longer\\s+(?:interested|a\\s+fit|pursuing|moving)|build(?:ing)?\\s+(?:it\\s+)?in-?house|не\\s+прош\\p{L}*\\s+по\\s+(?:бюджету|цене|деньгам)|решил\\p{L}*\\s+(?:пока\\s+)?не\\s+(?:брать|покупать|заказывать|продолжать|работать|подписывать|продлевать|идти)|killed\\s+(?:the\\s+|our\\s+)?(?:deal|project|contract|order)|deal(?:'s|\\s+is)\\s+off|budget\\s+(?:was\\s+)?(?:cut|frozen|slashed)|(?:cut|froze|slashed)\\s+(?:the\\s+|their\\s+)?budget|урезал\\p{L}*\\s+бюджет|бюджет\\s+урезал\\p{L}*|walked\\s+away|bailed|backed\\s+out|dropped\\s+out|said\\s+no(?![\\p{L}])|turned\\s+(?:us\\s+)?down|fell\\s+through|churned|${EN_GONE_TO}|${EN_LOST_MORE}`,
    ),
  ],
  [
    "deal",
    w(
      "accepted\\s+(?:our\\s+|the\\s+|my\\s+)?(?:offer|proposal|quote|terms)|confirmed\\s+(?:the\\s+|their\\s+|an?\\s+)?order|приняли\\s+(?:наше\\s+)?(?:кп|предложени\\p{L}*|условия)|подтвердили\\s+заказ|сделк|деал|po(?![\\p{L}])|purchase\\s+order|countersigned|продал|продали|продажа|подписал(?!\\p{L}*\\s+акт)|(?:за)?купил\\p{L}*|заказал[аи]?(?![\\p{L}])|отгрузил\\p{L}*|деньги\\s+упали|упали\\s+деньги|ударили\\s+по\\s+рукам|дал[аи]?\\s+добро(?!\\s+на\\s+(?!(?:закупк|покупк|договор|контракт|сделк|оплат|подписани|поставк|заказ)))|дожал\\p{L}*|продлил\\p{L}*|продлени\\p{L}*|renewed|renewal|перев[её]л\\p{L}*\\s+(?:деньги|оплату|аванс|предоплату|средства)|перечислил\\p{L}*|(?:перев[её]л|внес|вн[её]с|внесл)\\p{L}*(?=\\s+(?:\\p{L}+\\s+)?(?:\\d|полтинник|полтос|лям|лимон|четверть|сотк|сотню|пол\\s*-?\\s*(?:ляма|лимона)))|(?:пришли|поступили)\\s+деньги|деньги\\s+(?:пришли|поступили|на\\s+сч[её]те)|закрыт[аоы]?(?![\\p{L}])|wired|transferred|payment\\s+received|(?<!на\\s)" +
        PAYMENT_AWAITED +
        "(?:пред)?оплат\\p{L}*|(?<!(?:сч[её]т\\p{L}*|invoice)\\s+(?:\\p{L}+\\s+)?на\\s)аванс(?![\\p{L}])|занес(?:ли|ла)?(?![\\p{L}])|занёс|выигра[лн]\\p{L}*(?!\\s+(?:тот|те|другой|другие|конкурент\\p{L}*|кто-то|китайц\\p{L}*))|prepayment|prepaid|(?<!invoic\\p{L}*\\s+(?:\\S+\\s+){0,8})deposit|down\\s+payment|подписали(?!\\s+акт)|подписан|оплатил|оплатили|оплачен|(?<!на\\s)" +
        PAYMENT_AWAITED +
        "оплат[аиу]|заплатил\\p{L}*|received\\s+(?:the\\s+)?payment|" +
        EN_CHOSE_US +
        "|payment\\s+from|заключил|(?<!(?:вопрос|рекламаци|претензи|тикет|задач)\\p{L}*\\s+)закрыл(?!ся|ась|ись|ось)(?!\\p{L}*\\s+(?:вопрос|рекламаци|претензи|тикет|задач))|законтрактовал|купили|deal(?!er)|closed|closing|(?<!(?:competitor|competition|rival|they|someone\\s+else)\\s+)won\\b|sold|signed|paid|purchase|bought",
    ),
  ],
  [
    "proposal",
    w(
      `т?кп(?:э?ш?к\\p{L}*)?(?![\\p{L}])|выставил\\p{L}*\\s+(?:им\\s+|ему\\s+|ей\\s+)?на\\s+(?=\\d|пол|сотк)|kp(?![\\p{L}])|тендерн\\p{L}*\\s+(?:заявк|документ)|прайс\\p{L}*|расч[её]т(?:ы)?(?![\\p{L}])|pricing|price\\s+list|котировк\\p{L}*|коммерческ(?!(?:ий|им|ому)(?![\\p{L}]))(?!\\p{L}*\\s+(?:директор|отдел|служб|руковод|менеджер|департамент|зам))|(?:спец)?предложени|оффер|смет[уаыое]|договор\\p{L}*\\s+(?:\\p{L}+\\s+)?на\\s+подпис|${SENT_RU}\\p{L}*\\s+договор|` +
        preceded(`(?:выставил|выставлен|${SENT_RU})\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}`, "сч[её]т") +
        "\\p{L}*|сч[её]т\\p{L}*(?=\\s+(?:\\S+\\s+){0,5}(?:выставил|выставлен|отправил|отправлен|выслал|скинул))|(?:заявк\\p{L}*|документ\\p{L}*)\\s+(?:\\p{L}+\\s+)?(?:в|на)\\s+(?:участие\\s+в\\s+)?тендер|" +
        preceded(
          "(?:sent|emailed|forwarded|shared|dropped|shot|mailed|passed\\s+along)\\s+(?:over\\s+)?(?:\\S+\\s+){0,4}",
          "(?:contract|agreement|prices?|rates|rate\\s+card|deck|slides|estimate|terms|specs?|msa|nda)",
        ) +
        "(?![\\p{L}])|(?:for|to)\\s+(?:e-?)?signature|на\\s+подпис\\p{L}*|bids?(?![\\p{L}])|tender\\s+(?:application|submission|documents)|" +
        preceded(
          `${SENT_RU}\\p{L}*\\s+(?:\\p{L}+\\s+){0,3}`,
          "(?:през[аыуе]|презентаци\\p{L}*|цен[уыа]|ценник\\p{L}*|спецификаци\\p{L}*|deck|slides)",
        ) +
        // "презу отправил на почту", "презентацию скинули": a deck sent, told noun first, is a proposal too.
        `(?![\\p{L}])|(?:през[аыуе]|презентаци\\p{L}*)(?=\\s+(?:\\p{L}+\\s+)?${SENT_RU}\\p{L}*)` +
        "(?![\\p{L}])|sent\\s+(?:over\\s+)?(?:the\\s+|a\\s+|our\\s+)?(?:deck|slides|presentation)|estimate|invoice|sow(?![\\p{L}])|statement\\s+of\\s+work|rf[pq](?![\\p{L}])|bid\\s+submitted|proposal|(?<!compar\\p{L}*\\s+(?:\\p{L}+\\s+)?)(?:quote|quotation)|offer",
    ),
  ],
  [
    "presentation",
    w(
      // "показал образцы", "прораб показал объект": showing samples or a site is part of a visit, not a presentation.
      "презент|през[аыуе]?(?![\\p{L}])|презой|демо(?!зал)|демк|демонстрац|показ(?:ал|ала|али|ыва\\p{L}*)(?!\\s+(?:им\\s+|нам\\s+)?(?:образц|объект|склад|производств|площадк|цех|территори|стройк|котлован))|показ(?![\\p{L}])|demo(?!\\s+(?:recording|video|link))|present|pitch|showed|walked(?=\\s+\\p{L}+\\s+through)|walkthrough|webinar|вебинар|дегустаци\\p{L}*|tasting(?!\\s+(?:notes|room))|(?<=(?:провел\\p{L}*|провёл|провели|ran|gave|held|did)\\s+(?:\\p{L}+\\s+){0,3})(?:обучени\\p{L}*|тренинг\\p{L}*|семинар\\p{L}*|training|workshop|seminar)",
    ),
  ],
  [
    "meeting",
    w(
      `встрет[иеи]?л(?:ись|ся|ась|а|и)?(?![\\p{L}])|(?<=созвон\\p{L}*\\s+(?:\\S+\\s+){0,4})(?:по|в)\\s+(?:zoom|зуму?|зуме|teams|тимс\\p{L}*|skype|скайп\\p{L}*|видеосвяз\\p{L}*)(?![\\p{L}])|(?:у)?видел(?:ись|ся|ась)(?![\\p{L}])|на\\s+(?:обеде|ужине|завтраке|ланче|бизнес-ланче)\\s+(?:с|со)(?![\\p{L}])|(?<=был[аи]?\\s+(?:\\S+\\s+){0,3})на\\s+(?:обеде|ужине|завтраке|ланче)(?![\\p{L}])|встр?еч[аиуе]|встреча|провел[аи]?\\s+встреч|был[аи]?(?=\\s+${WHEN_BETWEEN}(?:(?:с|со|на|в|во)\\s+\\p{L}+\\s+)?у\\s)|был[аи]?\\s+на\\s+(?:их\\s+)?(?:объекте|производстве|складе|площадке|заводе|стройке|точке|фабрике|базе|ферме)|был[аи]?\\s+(?:в|во)(?=\\s+(?:\\p{L}+\\s+)?на\\s+(?:объекте|производстве|складе|площадке|стройке|точке))|был[аи]?\\s+(?:в|во)\\s+(?:ресторан|кафе|клиник|магазин|салон|аптек|гостиниц|отел|кофе[йе]н|пекарн|столов|шоуру|автосалон)\\p{L}*|митинг\\p{L}*|(?:заш[её]л|зашла|зашли|заходил\\p{L}*|забежал\\p{L}*|заскочил\\p{L}*)\\s+(?:к|в)\\s|был[аи]?\\s+в\\s+офисе|посетил\\p{L}*|(?:по)?(?:обедал|ужинал|завтракал)\\p{L}*|(?:на\\s+)?ланч(?:е|у)?(?![\\p{L}])|(?:вы|за|с|по)?(?:езжал|ездил)\\p{L}*\\s+${WHEN_BETWEEN}(?:на\\s+\\p{L}+\\s+)?(?:к|в|на)\\s|${preceded("(?:^|\\s)у\\s+(?!(?:нас|них|него|нее|неё|меня|тебя|вас)\\s)\\S+\\s+(?:из\\s+\\S+\\s+|\\p{Lu}?\\S+\\s+)?", "был[аи]?")}(?=\\s*(?:$|[.,;!—–-])|\\s+(?:в|во)\\s+(?:${WD_DAYS})|\\s+(?:вчера|позавчера|сегодня|утром))|${VIDEO}|побывал[аи]?\\s+(?:у|в)\\s|переговор(?:ы|ах|ов)|приезжал\\p{L}*|dropped\\s+by|съездил|ездил|заехал|в\\s+гостях|выезд|сходил[аи]?\\s+(?:в|к|на\\s+встреч)|визит(?:ом|а|е|у|ы)?(?![\\p{L}])|met(?![\\p{L}])|meeting(?!\\s+rooms?(?![\\p{L}]))|qbr(?![\\p{L}])|kick-?off|mtg(?![\\p{L}])|meet(?![\\p{L}])|visited|visit|sat\\s+down\\s+with|in[-\\s]person|(?:lunch|dinner|coffee|breakfast)\\s+(?:(?:yesterday|today|on\\s+\\p{L}+)\\s+)?(?:with|w/?)(?![\\p{L}])|on-?site(?![\\p{L}])|site\\s+visit|(?:обед|ужин|завтрак|кофе)\\s+(?:с|со)(?![\\p{L}])|лично(?!\\s+(?:(?:с|со)\\s+(?:ним|ней|ними)\\s+)?(?:взял|ответил|поднял|снял|перезвонил|набрал|поговорил|созвонил|пообщал)\\p{L}*)(?<!(?:дозвон|поговор|говор|созвон|звон|набр|директор|лпр|гендир|собственник)\\p{L}*(?:\\s+\\S+){0,4}\\s+лично)|вживую|очно|face\\s+to\\s+face|${preceded("(?:at|in)\\s+(?:\\S+\\s+)?", "(?:office|offices|hq|headquarters|premises|plant|factory|warehouse)")}(?![\\p{L}])(?!\\s+all\\s+day)|came\\s+(?:to|by|over)(?![\\p{L}])|приехал\\p{L}*\\s+к\\s+нам|был[аи]?\\s+у\\s+нас|(?:в|во)\\s+(?:кафе|ресторан\\p{L}*|кофейн\\p{L}*)|over\\s+(?:coffee|lunch|dinner|drinks)|(?:at|in)\\s+(?:a|the|their)\\s+(?:cafe|café|restaurant|coffee\\s+shop)|${EN_VISIT}`,
    ),
  ],
  [
    "call",
    w(
      `по\\s+телефону|(?:не)?(?:по|пере|от|со|про|до|за|об)?звон|(?:со|об|на|пере|про)званива\\p{L}*|звякнул|набрал|набирал|набрать|трубк|прозвон|(?<!(?:chain|company|firm|business|shop|store|outfit|place|startup|agency|bakery|cafe|restaurant|clinic|brand)\\s+)call|calls|calling|rang|phoned|phone|dialed|dialled|ring|followed\\s+up|${EN_CALL_MORE}`,
    ),
  ],
  [
    "lead",
    w(
      `${EXPO}|(?:trade\\s*show|expo|exhibition|conference)\\s+(?:contacts?|leads?)|referral|referred\\s+(?:by|to|us)|по\\s+рекомендаци\\p{L}*|рекомендаци\\p{L}*\\s+от(?![\\p{L}])|${REFERRED_US}|(?:по\\s+)?сарафан\\p{L}*|` +
        "написал[аи]?\\s+(?:нам\\s+|мне\\s+)?(?:в|на)\\s+(?:телег|телеграм|тг|ватсап|вотсап|whatsapp|почт|директ|инст|личк|авито)\\p{L}*\\s+(?:из|от|нов\\p{L}*|клиент\\p{L}*|компани\\p{L}*)(?![\\p{L}])|" +
        // "позвонили из ООО Газстрой", "в инсту написали из кофейни Зерно", "написал Андрей из хозяйства Рассвет",
        // "из ТЦ Радуга написали на почту": somebody from a company got in touch first.
        '(?:написали|позвонили|звонили|обратились|написал[аи]?\\s+(?!(?:им|ему|ей|нам|мне)(?![\\p{L}]))\\p{L}+)\\s+(?:(?:в|на)\\s+\\p{L}+\\s+){0,2}(?:из|от)(?=\\s)|(?<=(?<![\\p{L}])из\\s+(?:[\\p{L}«»"-]+\\s+){1,4})(?:написали|позвонили|обратились)|форм\\p{L}*\\s+(?:на|с)\\s+сайт\\p{L}*|(?:пришл[аи]|приш[её]л|зашл[аи]|заш[её]л|обратил\\p{L}*)\\s+(?:с|через)\\s+(?:сайт|авито|форм|реклам|директ|инст|яндекс)\\p{L}*|' +
        // "got a whatsapp message from Nordic", "an email came in from …": a first written contact from a company.
        "(?:got|received)\\s+(?:a|an)\\s+(?:[\\p{L}-]+\\s+)?(?:message|email|e-mail|text|dm|inquiry|enquiry)\\s+from|(?:message|email|inquiry|enquiry)\\s+came\\s+in\\s+from|сам[аи]?\\s+(?:\\p{L}+\\s+)?(?:позвонил|набрал|вышл|выш[её]л|обратил|написал)\\p{L}*|(?:позвонил|набрал|вышл|выш[её]л|написал)\\p{L}*\\s+сам[иа]?(?![\\p{L}])|(?:called|rang|phoned|reached\\s+out\\s+to)\\s+(?:us|me)(?![\\p{L}])|called\\s+in(?![\\p{L}])|" +
        "(?:приш[её]л|пришл[аи]|появил\\p{L}*|заш[её]л|зашл[аи]|обратил\\p{L}*)\\s+(?:\\p{L}+\\s+)?(?:клиент|лид|заявк|запрос|контакт)|(?:взял|получил|собрал)\\p{L}*\\s+контакт|обменял\\p{L}*\\s+контакт|contacts?\\s+from\\s+(?:the\\s+)?(?:\\S+\\s+){0,2}(?:expo|exhibition|trade\\s*show|conference|fair|summit)(?![\\p{L}])|met\\s+(?:a|an|some)\\s+(?:guy|woman|man|lady|person|people|folks)\\s+(?:from|at)\\s(?=[^.;]*?(?:expo|exhibition|trade\\s*show|conference|summit|fair))|met\\s+(?:a|an)\\s+(?:new\\s+)?contact|дал[аи]?\\s+контакт(?!\\p{L}*\\s+(?:лпр|директор|руководител|собственник|владел|гендир))|" +
        "(?:from|via|through)\\s+(?:the\\s+|our\\s+)?(?:website|site|web\\s+form|landing)|(?:website|web|contact|site)\\s+form|" +
        `нов(?:ый|ая|ого|ое|ые)\\s+(?:лид|клиент|контакт|заявк)|наш[её]л\\p{L}*\\s+(?:нов\\p{L}*\\s+)?(?:клиент|лид|контакт|заказчик)\\p{L}*|через\\s+знаком\\p{L}*|лид(?![\\p{L}])|лида|заявк|входящ|вх\\.?\\s+звон\\p{L}*|обратил|new\\s+(?:lead|client|prospect|contact|customer)|(?:написал|позвонил|обратил)\\p{L}*\\s+(?:некий|некая|некое|некие|какой-то|какая-то|какие-то)(?![\\p{L}])|(?:позвонил|написал)\\p{L}*\\s+(?:через|с)\\s+сайт\\p{L}*|(?:new|inbound|hot|warm|fresh)\\s+lead|(?:picked\\s+up|got|grabbed|landed)\\s+(?:a\\s+|an\\s+)?(?:\\p{L}+\\s+)?lead(?![\\p{L}])|lead\\s*:|lead\\s+from|inbound|inquiry|enquiry|new\\s+prospect|reached\\s+out(?!\\s+to\\s+(?!us(?![\\p{L}])))|lead\\s+came\\s+in|came\\s+in\\s+(?:from|via|through)|filled\\s+(?:out\\s+|in\\s+)?(?:the\\s+|a\\s+|our\\s+)?form|(?:demo|quote|pricing)\\s+request|запрос\\s+(?:на|с\\s+сайта)|запрос\\s+(?:\\p{L}+\\s+)?(?:кп|прайс|цен|демо|презентаци|расч[её]т|коммерческ|предложени|сч[её]т)|(?:нов\\p{L}*\\s+)?обращени\\p{L}*|${EN_LEAD_MORE}`,
    ),
  ],
];

export const CALL_WORD = KIND_PATTERNS.find(([k]) => k === "call")![1];
export const NOANSWER = w(
  // A number that cannot be reached ("телефон выключен", "number disconnected", "wrong number"),
  // a gatekeeper by any title, "busy" said of the callee, a voicemail by any spelling, or
  // "nothing" alone after a call: a call not reached.
  // "declined my call", "сбросил звонок": a call turned down on the phone was not reached.
  // "не туда попал": a wrong number is no talk.
  "не\\s+туда\\s+попал\\p{L}*|нет\\s+ответа|соединять\\s+отказал\\p{L}*|отказал\\p{L}*\\s+соединять|" +
    "declined\\s+(?:my|our|the|a)\\s+calls?|(?:сбросил\\p{L}*|скинул\\p{L}*)\\s+(?:мой\\s+)?(?:звонок|вызов)|(?:абонент\\s+)?не\\s+абонент|голосов\\p{L}*\\s+меню|автоответчик\\p{L}*|" +
    "вне\\s+(?:зоны|доступа|сети|связи)|(?:линия|линии|номер|телефон)\\s+(?:был[аи]?\\s+)?занят\\p{L}*|занят[ао]?\\s+весь\\s+день|соединять\\s+не\\s+стал\\p{L}*|не\\s+стал\\p{L}*\\s+соединять|(?:didn'?t|did\\s+not)\\s+get\\s+through|keeps?\\s+blocking|blocked\\s+me|голосов\\p{L}*\\s+почт\\p{L}*|(?:nobody|no\\s+one|noone)\\s+(?:was\\s+)?(?:home|there|in)|rang\\s+out|l\\.?v\\.?m(?![\\p{L}])|no[\\s-]+answer|попал\\p{L}*\\s+на\\s+(?:секретар|автоответчик|ресепш|помощни)\\p{L}*|(?:got|reached)\\s+(?:the\\s+|their\\s+)?(?:gatekeeper|receptionist|secretary|front\\s+desk|answering\\s+machine)|(?:line|number|phone)\\s+(?:was\\s+|is\\s+)?engaged|engaged\\s+tone|no\\s+ans(?![\\p{L}])|" +
    preceded(
      "(?:call|dial|rang|ring|phon|tried|звон|набир|набра|пытал)\\p{L}*(?:\\s+\\S+){0,6}\\s+",
      "(?:no\\s+luck|no\\s+joy|безрезультатно|глухо|впустую|nothing)",
    ) +
    "(?![\\p{L}])|(?:couldn'?t|could\\s+not|can'?t|cannot|unable\\s+to|wasn'?t\\s+able\\s+to)\\s+(?:get\\s+(?:a\\s+)?hold\\s+of|get\\s+through|reach|connect|talk|speak|catch)|rang\\s+and\\s+rang|(?:he|she|they)(?:'s|'re|\\s+is|\\s+are|\\s+was|\\s+were)\\s+(?:out|away|not\\s+in|in\\s+(?:a\\s+)?meetings?|on\\s+(?:vacation|holiday|leave))(?![\\p{L}])|out\\s+of\\s+(?:the\\s+)?office|screened\\s+(?:me\\s+)?out|got\\s+screened|не\\s+ал[её]|(?:нет|не\\s+было|не\\s+будет)\\s+на\\s+месте|(?:трубк\\p{L}*\\s+не|не\\s+(?:\\p{L}+\\s+)?)(?:бер|брал|взял|сним|снял|подним|поднял)\\p{L}*(?=\\s+трубк|\\s*$|[\\s,.!—–-])|" +
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
    "|wouldn'?t\\s+(?:transfer|connect)|(?<=\\p{L}\\s)busy(?=\\s*(?:$|[.,;!)—–-]))|voice\\s*mail|vm(?![\\p{L}])|^(?:nothing|nada|no\\s+luck|ничего|глухо|безрезультатно)$|not\\s+pick\\p{L}*\\s+up|no\\s+pick-?up|phone\\s+(?:was\\s+|is\\s+)?(?:off|dead)|switched\\s+off|turned\\s+off|не\\s+застал\\p{L}*|(?:не\\s+был\\p{L}*\\s+на\\s+связи|на\\s+связи\\s+не\\s+был\\p{L}*)|вне\\s+сети|сброс(?![\\p{L}])|(?:так\\s+и\\s+)?не\\s+поймал\\p{L}*|футбол\\p{L}*|ящик\\s+голосов\\p{L}*|голосов\\p{L}*\\s+ящик|трубку\\s+никто|там\\s+никого|никого\\s+нет|сбрасыва\\p{L}*|не\\s+пропустил\\p{L}*|не\\s+пустил\\p{L}*|(?:переключить|соединить|соединять|переключать)\\s+не\\s+(?:смог|смогла|смогли|может|могут|будет|будут|стал[аи]?|захотел\\p{L}*|хочет)|не\\s+(?:смог|смогла|смогли|стал[аи]?)\\s+(?:переключить|соединить)|не\\s+переключ\\p{L}*|не\\s+пуска\\p{L}*|без\\s+ответа|не\\s+достуч\\p{L}*|didn'?t(?=\\s*(?:$|[.,;!]))|не\\s+(?:мог\\p{L}*|могу|удал\\p{L}*|получ\\p{L}*)\\s+(?:до|про)звон|не\\s+(?:взял|взяла|взяли|берет|берут|бер[её]т|брал[аи]?|отвечает|отвечают|ответил[аи]?)(?![\\p{L}])|секретар\\p{L}*\\s+не\\s+соедин|не\\s+соедин|сбросил\\p{L}*(?![\\p{L}])(?!\\s+(?:\\p{L}+\\s+)?(?:цен|кп|прайс|предлож|инф|сч[её]т|през|договор|материал|файл|ссылк|кар[тт]очк))|rings?\\s+out|rang\\s+out|kept\\s+ringing|just\\s+rings|line\\s+(?:was\\s+)?busy|(?:phone|line)\\s+(?:was\\s+|is\\s+)?busy|busy\\s+all\\s+(?:day|morning|afternoon)|выкл(?![\\p{L}.])|busy\\s+(?:line|signal|tone)|both\\s+busy|(?:^|[-—–]\\s*|,\\s*)busy|couldn'?t\\s+get\\s+through|(?:couldn'?t|could\\s+not|didn'?t|can'?t)\\s+get\\s+past|could\\s+not\\s+get\\s+through|wouldn'?t\\s+put\\s+(?:me\\s+)?through|gatekeeper|left\\s+a\\s+voicemail|didn'?t\\s+pick|не\\s*дозвон|недозвон|не\\s+(?:взял|взяла|взяли|берет|берут|брал|брали|брала|снял|сняли|подняли|поднял)\\s+трубк|трубк\\p{L}*\\s+не\\s+(?:взял|взяли|берут|берет|брал|брали|сняли|сняли)|не\\s+ответил|не\\s+отвеча|никто\\s+не(?!\\s+(?:приш|приех|явил|пуст|звонит|звонят|пишет|пишут))|сбросил(?![\\p{L}])(?!\\s+(?:\\p{L}+\\s+)?(?:цен|кп|прайс|предлож|инф|сч[её]т|през|договор|материал|файл|ссылк|кар[тт]очк))|занято|недоступ|вне\\s+зоны|автоответчик|гудки|no\\s+answer|no\\s+one\\s+(?:answered|picked)|nobody\\s+(?:answered|picked)|didn'?t\\s+(?:answer|pick\\s+up)|did\\s+not\\s+(?:answer|pick\\s+up)|not\\s+answering|voicemail|unreachable|couldn'?t\\s+reach|could\\s+not\\s+reach|hung\\s+up|went\\s+to\\s+voicemail|" +
    EN_NOANSWER_MORE,
);
// Who answers a company's phone and does not decide: a gatekeeper told of is a call made.
export const GATEKEEPER = w(
  "секретар\\p{L}*|ресепш\\p{L}*|помощниц\\p{L}*|охранник\\p{L}*|вахт[её]р\\p{L}*|receptionist|gatekeeper|front\\s+desk",
);
// The one a call is for: the director, the owner, the decision maker.
const BOSS = "(?:директор|руководител|лпр|собственник|владел|гендир|начальник|босс|нужн\\p{L}*\\s+человек)";
// "директора нет", "директор в командировке": the one the call was for is away, unless someone else was reached.
export const BOSS_AWAY = w(
  // The words between (where the gatekeeper sits, whom they kept you from) stay outside the match: the client is among them.
  "(?<=(?:секретар|ресепшн|receptionist|assistant|gatekeeper)\\p{L}*\\s+(?:\\S+\\s+){0,6})(?:не\\s+(?:пустил|соединил|переключил)\\p{L}*|(?:didn'?t|did\\s+not|wouldn'?t|would\\s+not|won'?t)\\s+(?:connect|put\\s+(?:me\\s+)?through))|" +
    "(?:director|boss|owner|manager|gm|ceo|decision\\s+maker|(?:mr|mrs|ms|miss|dr)\\.?\\s+\\p{L}+)\\s+(?:is|was)\\s+(?:out|away|off|not\\s+in|unavailable|busy|in\\s+a\\s+meeting|on\\s+(?:vacation|leave|holiday|site|the\\s+road))(?![\\p{L}])|" +
    EN_BUSY +
    "|" +
    // "директор на выезде", "ЛПР на совещании": out on site or in a meeting of their own is away too (no meeting of ours).
    `${BOSS}\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:нет|не\\s+было|не\\s+будет|в\\s+командировке|в\\s+отпуске|в\\s+отъезде|на\\s+(?:больничном|выезде|объекте|совещании|планерке|планёрке|встрече|переговорах)|уехал\\p{L}*)(?![\\p{L}])`,
);
// Readings resting on these are confirmed before they are stored, never stored unasked: a boss away told only by
// where they are ("директор на объекте" may be a visit of ours), an invoice named four words or more from its verb.
export const ASK_BEFORE_STORING = w(
  `${BOSS}\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:в\\s+отъезде|на\\s+(?:выезде|объекте|совещании|планерке|планёрке|встрече|переговорах))(?![\\p{L}])|(?:'s|is|was|are|were)\\s+in\\s+(?:a\\s+)?meetings?|сч[её]т\\p{L}*\\s+(?:\\S+\\s+){4,5}(?:выставил|выставлен|отправил|отправлен|выслал|скинул)`,
);
// The nouns of an appointment, Russian and (typed in Russian messages too) English.
const APPOINTMENT =
  "демо(?!зал)|демк|презент|през[аыуе]|показ|встреч|встрет|зум|видео\\p{L}*|дегустац\\p{L}*|осмотр\\p{L}*|выезд\\p{L}*|замер\\p{L}*|просмотр\\p{L}*|demo|meeting|presentation|workshop|tasting|site\\s+visit|walkthrough|viewing|showing";
export const ONLY = /(?<![\p{L}])(?:только|лишь|only|just)(?![\p{L}])/iu;
// A call the client made: "входящий", "позвонили сами", "called us".
export const INBOUND =
  /входящ|inbound|(?<![\p{L}])сам[иа]?(?![\p{L}])|(?:позвонил[аи]?|написал[аи]?|обратил\p{L}*)\s+(?:компани|фирм|организаци|клиник|сеть|магазин)\p{L}*|(?:позвонили|позвонил[аи]?\s+(?:из|от)\s|обратились)\s+(?:\p{L}+\s+)?(?:из|от)\s|(?<=(?<![\p{L}])из\s+(?:[\p{L}«»"-]+\s+){1,4})позвонили|(?:called|rang|phoned)\s+us|called\s+in(?![\p{L}])|(?:позвонил\p{L}*|звонок\s+от|звонил\p{L}*)\s+(?:нов|потенциальн)\p{L}*\s+(?:клиент|заказчик|компани)/u;
export const CANCELLED = /отмен|cancel|called\s+off/u;
// "отменилась, перенесли на 10-е": a meeting called off and set for a new date is moved.
export const RESCHEDULED = w(
  "перен[её]с\\p{L}*\\s+(?:\\S+\\s+){0,4}на|(?:moved|rescheduled|pushed)\\s+(?:\\S+\\s+){0,4}(?:to|for)(?![\\p{L}])",
);
// What lies between an appointment's noun and the booking verb after it: "встречу [с Вегой] поставили".
export const BOOKED_AFTER = /^\p{L}+\s+(?:(?:с|со|with)\s+\S+\s+)?$/u;
export const APPOINTMENT_WORD = new RegExp(`${APPOINTMENT}|през|mtg`, "u");
// Silence with no call told ("по Ориону тишина уже неделю") is a status; after a call it is the call not reached.
// "голосовая почта, оставил сообщение", "номер старый", "всё мимо": a message left, a dead number or a miss is no talk
// — unless the message tells somebody reached or a meeting booked ("поговорил с Вегой, оставил сообщение").
export const NOANSWER_UNLESS_REACHED = w(
  "(?:оставил\\p{L}*|left)\\s+(?:ему\\s+|ей\\s+|им\\s+|him\\s+|her\\s+|them\\s+)?(?:голосов\\p{L}*\\s+)?(?:сообщени\\p{L}*|a\\s+message|a\\s+msg)|(?:вс[её]\\s+)?мимо(?=\\s*(?:$|[.,;!)]))|номер\\s+(?:старый|неверный|не\\s+существует|не\\s+обслуживается)",
);
export const NOANSWER_AFTER_CALL = w("тишина|молч\\p{L}*|no\\s+response|not\\s+responding|no\\s+reply|unanswered|silence");
export const MEETING_OUTCOME = w(
  // "договорились о встрече", "договорились с Орловой о презентации", "договорились на demo".
  // The name between stays outside the match, so it is read as the client.
  `(?:договорил|условил|назначил|забил|запланировал|согласовал|согласил|поставил|готов|предложил)\\p{L}*\\s+(?:\\p{L}+\\s+|по\\s+телефону\\s+)?(?:(?:о|об|на)\\s+(?:онлайн[\\s-]+|офлайн[\\s-]+|нов\\p{L}*\\s+|повторн\\p{L}*\\s+|личн\\p{L}*\\s+)?)?(?:${APPOINTMENT}|созвон(?:е|а)?(?![\\p{L}])|звонок|звонке)|` +
    // "назначил с Нордвудом демо на вторник": the appointment right after the name, with no "о/на".
    `${preceded("(?:договорил|условил|назначил|забил|запланировал|согласовал|согласил|поставил)\\p{L}*\\s+(?:с|со)\\s+(?:\\S+\\s+){1,2}", "(?:(?:о|об|на)\\s+)?(?:" + APPOINTMENT + "|созвон\\p{L}*)")}|` +
    // "got them to agree to an onsite visit", "they want to meet on Friday", "хотят встретиться".
    "interested\\s+in\\s+(?:an?\\s+|the\\s+)?(?:demo|meeting|presentation)|интересу\\p{L}*\\s+(?:демо|встреч|презентац)\\p{L}*|agree\\p{L}*\\s+to\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+)?(?:visit|meeting|demo|presentation)|(?:want\\p{L}*|would\\s+like|'d\\s+like)\\s+to\\s+(?:meet|see\\s+a\\s+demo)|хот\\p{L}*\\s+встрет\\p{L}*|" +
    // "invite sent for a demo on Thursday", "приглашение на встречу отправил": a calendar invite books it.
    "(?:calendar\\s+)?invite\\s+(?:sent|accepted|out)|sent\\s+(?:an?\\s+|the\\s+)?(?:calendar\\s+)?invite|приглашени\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}(?:отправил|принял|выслал)\\p{L}*|" +
    // The booking verb after the appointment ("встречу с Вегой поставили на чт"); the name between stays the client's.
    `${preceded("(?:" + APPOINTMENT + ")\\p{L}*\\s+(?:(?:с|со|with)\\s+\\S+\\s+)?", "(?:назначил|поставил|забил|запланировал|согласовал|booked|scheduled|set\\s+up|locked\\s+in)")}\\p{L}*|` +
    // "demo scheduled for Tue", "meeting with Acme is booked".
    "(?:demo|meeting|presentation|zoom)\\s+(?:with\\s+\\S+\\s+)?(?:is\\s+|was\\s+)?(?:booked|scheduled|set(?:\\s+up)?|arranged|confirmed|locked\\s+in)|" +
    // "в четверг покажем демо", "ставим на пятницу": a demo or a date we now set is booked.
    "(?:покаж(?:ем|у)|провед[её]м|проведу)\\s+(?:им\\s+|их\\s+)?(?:демо|демк\\p{L}*|презентаци\\p{L}*|през\\p{L}*)|(?:ставим|поставим|назначим|запланируем|забь[её]м)\\s+(?:\\S+\\s+){0,2}на(?=\\s)|" +
    // "он на встречу согласился в среду": the consent after what was agreed to.
    "на\\s+(?:встреч|демо|демк|презентац|показ)\\p{L}*\\s+(?:\\p{L}+\\s+)?согласил\\p{L}*|" +
    "записал\\p{L}*\\s+(?:их\\s+|его\\s+|е[её]\\s+)?на\\s+(?:демо|демк|встреч|презент|показ)|пригласил\\p{L}*\\s+(?:нас\\s+|меня\\s+)?на\\s+(?:демо|демк|встреч|презент|показ|переговор)|договорил\\p{L}*,?\\s+что\\s+(?:\\p{L}+\\s+){0,3}(?:покажу|покажем|проведу|проведём|проведем)(?![\\p{L}])|договорил\\p{L}*\\s+(?:что\\s+)?(?:приеду|подъеду|заеду|приедут|приедем|встретимся)|(?:демо|демк\\p{L}*|презентаци\\p{L}*)\\s+(?:назначен|договорились)|(?:set\\s+up|booked|scheduled|arranged|agreed\\s+(?:on|to))\\s+(?:a\\s+|the\\s+|an\\s+)?(?:[\\p{L}-]+\\s+)?(?:demo|presentation)|want\\p{L}*\\s+(?:a\\s+|the\\s+)?(?:demo|presentation|meeting)|(?:booked|scheduled|set\\s+up|arranged)\\s+(?:a\\s+|the\\s+|another\\s+)?(?:(?:video|zoom|phone|teams)\\s+)?(?:call|follow-up)|жд(?:ут|ем)\\s+(?:нас\\s+)?(?:на\\s+)?(?:демо|демк\\p{L}*|презентаци\\p{L}*|встреч\\p{L}*)|agreed\\s+to\\s+(?:a\\s+)?meet|(?:договорил|условил|назначил|забил|запланировал|согласовал|поставил|назначен|запланирован)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:о\\s+|на\\s+)?встреч|встреч\\p{L}*\\s+(?:назначен|назначили|договорились|запланир|согласов|на\\s+(?:завтра|понедельник|вторник|среду|четверг|пятницу|субботу|следующ|\\d))|встреч\\p{L}*\\s+(?:в|во)\\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|пн|вт|ср|чт|пт|сб|\\d)(?![\\p{L}])|подтвердил\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:встреч|демо|през)|завтра\\s+встреча|договорились\\s+(?:встретиться|увидеться|пересечься)|встретимся|(?:booked|set\\s+up|scheduled|arranged|set|got|agreed\\s+(?:on|to))\\s+(?:a\\s+|the\\s+|an\\s+)?(?:[\\p{L}-]+\\s+)?(?:meeting|mtg|zoom)|meeting\\s+(?:booked|set|scheduled|arranged)|will\\s+meet|agreed\\s+to\\s+meet|want\\p{L}*\\s+(?:a\\s+)?meeting|(?:locked\\s+in|lined\\s+up|confirmed|pencil+ed\\s+in)\\s+(?:a\\s+|the\\s+|an\\s+)?(?:[\\p{L}-]+\\s+)?(?:meeting|demo|presentation)|booked\\s+(?:for|on)|хотят\\s+встреч|" +
    EN_BOOKED_MORE,
);
// "…хочет встречу по чиллерам, поставили на среду": a date set, told in a clause of its own after the appointment.
export const DATE_SET =
  /^(?:и\s+)?(?:поставили|назначили|забили|договорились|set\s+it)\s+(?:на|for)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|завтра|послезавтра|пн|вт|ср|чт|пт|monday|tuesday|wednesday|thursday|friday|tomorrow|\d)/iu;
export const MEET_WORD =
  /встреч|встрет|демо|демк|през|показ|meet|demo|presentation|офис|office|приед|подъед|приехать|подъехать|come\s+(?:over|to|by|in)/u;
export const AHEAD_HINT = w(
  "зовут|приглаша\\p{L}*|готовы|жд[уеё]м?\\s+(?:их|его|е[её])|приед\\p{L}*|подъед\\p{L}*|приехать|подъехать|would\\s+like|(?:they|we|he|she)'?d\\s+like|(?:they|he|she)'?ll|will\\s+come|coming\\s+(?:in|over|to)",
);
export const HELD =
  /(?<![\p{L}])(?:прошл[аои]|прош[её]л|состоял\p{L}*|был[аио]?(?<=(?:встреч|демо|презентаци)\p{L}*\s+(?:\S+\s+){1,2}был[аио]?)|went\s+(?:well|fine|great|ok|good|badly)|took\s+place)(?![\p{L}])/giu;
// "встреча перенеслась", "отменили демо", "pushed the meeting": a meeting moved or called off was not held.
export const MOVED = w(
  // "слилась со встречи": a client who dropped out of a meeting called it off.
  "(?:слил(?:ся|ась|ись|и)|соскочил\\p{L}*|спрыгнул\\p{L}*)\\s+(?:со?\\s+)?(?=встреч|демо|созвон|звонк|през)|перен[её]с\\p{L}*|перенос\\p{L}*|переехал\\p{L}*(?<=(?:встреч|демо|созвон|през)\\p{L}*\\s+(?:(?:с|со)\\s+\\S+\\s+)?переехал\\p{L}*)|отмен\\p{L}*|отлож\\p{L}*|задерж\\p{L}*|сдвинул\\p{L}*|сдвинули|(?:пере|по)?двига\\p{L}*|передвин\\p{L}*|подвин(?:ул|ем|ут)\\p{L}*|postpon\\p{L}*|reschedul\\p{L}*|pushed|moved|move(?![\\p{L}])|push(?![\\p{L}])|сдвин\\p{L}*|cancel\\p{L}*|called\\s+off",
);
// "не подписали", "встреча не состоялась", "didn't sign": a negated event did not happen.
export const NEGATION_BEFORE =
  /(?<![\p{L}])(?:не|ни|нет|без|not|never|didn'?t|did\s+not|haven'?t|hasn'?t|havent|wasn'?t|no)\s+(?:(?:\p{L}+\s+)?(?:еще|ещё|yet|пока)\s+|\p{L}+(?:л|ла|ли|ed)\s+)?$/iu;
export const NEGATED_ABILITY =
  /(?<![\p{L}])(?:couldn'?t|could\s+not|can'?t|cannot|unable\s+to|wasn'?t\s+able\s+to|не\s+смог\p{L}*|не\s+удал\p{L}*|не\s+получил\p{L}*)\s+(?:\p{L}+\s+)?$/iu;
// The English ways of saying something was not done, shared by the negation checks below.
const EN_NOT_DONE = "didn'?t|did\\s+not|hasn'?t|haven'?t|has\\s+not|have\\s+not|never";
export const NEGATED_JUST_BEFORE = new RegExp(
  `(?:(?<![\\p{L}])(?:не|not|${EN_NOT_DONE})\\s+(?:yet\\s+|even\\s+|еще\\s+|ещё\\s+)?$)|${NEGATED_ABILITY.source}`,
  "iu",
);
export const EN_NEGATED = w(`(?:${EN_NOT_DONE}|not\\s+yet|wasn'?t|weren'?t|won'?t)\\s+(?:yet\\s+|been\\s+|even\\s+|ever\\s+)?\\p{L}+`);
// Written channels: an unanswered email or chat message is not a call not reached.
export const WRITTEN = w(
  // "не ответил на КП", "hasn't replied to the quote": a reply to what was sent is written, not a call.
  "(?<=(?:ответ|отреагир|reply|replied|respond|answer)\\p{L}*\\s+(?:to\\s+)?(?:на\\s+)?(?:наш\\p{L}*\\s+|our\\s+|the\\s+|my\\s+)?)(?:т?кп|предложени\\p{L}*|коммерческ\\p{L}*|оффер\\p{L}*|сч[её]т\\p{L}*|прайс\\p{L}*|proposal|quote|offer|invoice)(?![\\p{L}])|" +
    "e-?mail\\p{L}*(?<!(?:said|told\\s+(?:me|us))\\s+(?:to\\s+)?(?:send|drop)\\s+(?:them\\s+|him\\s+|her\\s+)?(?:an?\\s+)?e-?mail\\p{L}*)|(?<!voice\\s+)mail(?![\\p{L}])|письм\\p{L}*|почт\\p{L}*(?<!голосов\\p{L}*\\s+почт\\p{L}*)(?<!(?:сказал|отправил|послал|перенаправил|пишите|напишите|писать)\\p{L}*\\s+(?:\\S+\\s+){0,2}почт\\p{L}*)|сообщени\\p{L}*(?<!(?:оставил\\p{L}*|голосов\\p{L}*)\\s+сообщени\\p{L}*)|(?<!left\\s+(?:a\\s+|another\\s+)?)messages?(?![\\p{L}])|texts?(?![\\p{L}])|texted|sms|смс\\p{L}*|whats-?app|ватсап\\p{L}*|вотсап\\p{L}*|telegram|телеграм\\p{L}*|мессендж\\p{L}*|inmail",
);
export const NOT_HELD = w(
  "не\\s+(?:состоял\\p{L}*|случил\\p{L}*|было|получил\\p{L}*\\s+встрет|приехал\\p{L}*|пришл\\p{L}*)|сорвал\\p{L}*|didn'?t\\s+happen|fell\\s+through|no-?show|не\\s+приш[её]л|не\\s+пришли|не\\s+явил\\p{L}*",
);
// "хотят встречу", "want a demo": a wish is a meeting booked only as the outcome of a call.
export const WISH = w("хот(?:ят|ел\\p{L}*|ит)|want\\p{L}*|просят|ask(?:ed|s)?\\s+for");
// Somebody at the client other than a gatekeeper, by role: who speaks for the client when reached.
const CLIENT_PERSON =
  "(?:зам|замдиректора|заместител\\p{L}*|коллег\\p{L}*|бухгалтер\\p{L}*|главбух\\p{L}*|менеджер\\p{L}*|инженер\\p{L}*|технолог\\p{L}*|снабженц\\p{L}*|снабженец|закупщи\\p{L}*|юрист\\p{L}*|прораб\\p{L}*|логист\\p{L}*|сотрудни\\p{L}*|охранник\\p{L}*|завхоз\\p{L}*|colleague|deputy|accountant|someone\\s+else)";
// "зам сказал что решение после нг", "коллега сказал лпр в отпуске", "ответила менеджер": somebody at the client
// other than a gatekeeper answered and spoke, so the call was reached even when the one it was for was away. Read
// with REACHED where a call's outcome is decided, kept apart so that finding events and splitting clauses stay cheap.
export const SPOKE_FOR_CLIENT = w(
  `${preceded(`${CLIENT_PERSON}\\s+(?:\\p{L}+\\s+)?`, "(?:сказал|ответил|говорит|пообещал|обещал|объяснил|передал|попросил|said|told|promised)\\p{L}*")}|` +
    `(?:ответил|сказал)\\p{L}*(?=\\s+(?:\\p{L}+\\s+)?${CLIENT_PERSON}(?![\\p{L}]))`,
);
export const REACHED = w(
  // "там взяли, сказали перезвонить", "байкал сервис взяли — думают": picked up, said with nothing taken.
  "(?:взял[аи]?|сняли|подняли)(?=\\s*(?:$|[,.;!—–-]|\\s+(?:и\\s+)?(?:сказал|ответил|говор)))|(?:взял[аи]?|сняли|сняла|снял|подняли|поднял[аи]?)\\s+трубк\\p{L}*|трубк\\p{L}*\\s+(?:взял[аи]?|сняли|сняла|снял|подняли|поднял[аи]?)(?![\\p{L}])|" +
    // "напомнил про долг", "говорил с лпр": a reminder given or a talk had reached somebody.
    "(?:напомнил[аи]?|reminded)(?=\\s+(?:\\S+\\s+){0,2}(?:про|о|об|насч[её]т|about|of|re)(?![\\p{L}]))|говорил[аи]?\\s+(?:с|со)\\s|" +
    // "разговор с гендиром Веги": a conversation told by its noun is a call reached.
    "caught\\s+up\\s+with|разговор(?:а|ом|е)?(?=\\s+(?:с|со|по)\\s)|перезвонить(?<=[—–:-]\\s*перезвонить)(?=\\s+(?:в|во|через|на|после|завтра|позже|вечером|утром)(?![\\p{L}]))|дозвонил|поговорил|поговорили|переговорил\\p{L}*|поболтал\\p{L}*|пообщал\\p{L}*|связал(?:ся|ась|ись)|застал\\p{L}*|(?:вышел|вышла|дош[её]л|дошла)\\s+(?:на|до)\\s+(?:лпр|директор|руководител|собственник|владел|гендир|лиц\\p{L}*\\s+принима)|(?:просил\\p{L}*|попросил\\p{L}*|просят|просит)\\s+(?:\\p{L}+\\s+)?перезвон\\p{L}*|обсудил|обсудили|reached(?!\\s+out)|chatted|convo|conversation|разговаривал\\p{L}*|побеседовал\\p{L}*|had\\s+(?:a\\s+)?(?:quick\\s+|short\\s+|good\\s+)?chat|connected\\s+with|got\\s+hold\\s+of|caught\\s+up\\s+with|touched\\s+base|talked|spoke|got\\s+through|picked\\s+up|answered",
);

export const CURRENCY_FOREIGN = /(\$|€|\busd\b|\beur\b|доллар|бакс|евро|dollars?|euros?)/iu;
// "на прошлой неделе" is not one day: the entry stays dated today, with a note.
export const VAGUE_PAST = w("на\\s+прошлой\\s+неделе|last\\s+week");
export const AGO = w("(?:позавчера|вчера|сегодня)(?![\\p{L}])|day\\s+before\\s+yesterday|yesterday|today|this\\s+morning|утром");
export const WEEKDAY_NAMES: [RegExp, number][] = [
  [/^(?:понедельника|понедельник|пн|monday|mon)$/u, 1],
  [/^(?:вторника|вторник|вт|tuesday|tues?)$/u, 2],
  [/^(?:среды|среду|среда|ср|wednesday|wed)$/u, 3],
  [/^(?:четверга|четверг|чт|thursday|thu|thurs?)$/u, 4],
  [/^(?:пятницы|пятницу|пятница|пт|friday|fri)$/u, 5],
  [/^(?:субботы|субботу|суббота|сб|saturday|sat)$/u, 6],
  [/^(?:воскресенья|воскресенье|вс|вск|sunday|sun)$/u, 7],
];
const WD =
  "понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье|monday|tuesday|wednesday|thursday|friday|saturday|sunday";
// "по итогу вторника": a diary's day in the genitive.
const WD_GEN = "понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья";
// English short forms only where they are no other word ("sat", "sun" are).
const WD_SHORT = "пн|вт|ср|чт|пт|сб|вск|вс|mon|tues?|wed|thu|thurs?|fri";
// "пн звонил Фениксу": a Russian short weekday opening a message before a past verb dates it.
const WD_SHORT_RU = "пн|вт|ср|чт|пт|сб|вс";
export const BARE_WEEKDAY = w(`(?:${WD}|${WD_SHORT})(?![\\p{L}])`);
// "в пятницу отправил КП", "on Monday", "monday: closed …": a weekday named as when it happened.
// "на этой неделе (вт) была презентация": a weekday in brackets dates what it follows.
export const WEEKDAY = w(
  `(?:(?:в|во)\\s+(?:прошл\\p{L}+\\s+)?|on\\s+|last\\s+|(?<=\\()\\s*)(${WD}|${WD_SHORT})(?![\\p{L}])|^(?:прошл\\p{L}*\\s+|last\\s+)?(${WD}|(?:${WD_SHORT}|sat|sun)(?=\\s*[:—–-]))(?![\\p{L}])|(?<=итог\\p{L}*\\s+)(${WD_GEN})(?![\\p{L}])|^(${WD_SHORT_RU})(?=\\s+\\p{L}+(?:л|ла|ли|лся|лась|лись)(?![\\p{L}]))`,
);
// "на пятницу", "до пятницы", "next Monday", "for Thursday": a weekday ahead.
export const WEEKDAY_AHEAD = w(
  `(?:на|к|до|for|by|next|till|until|следующ\\p{L}*)\\s+(?:(?:следующ|this|the)\\p{L}*\\s+)?(?:${WD}|${WD_SHORT}|пятницы|среды|субботы)(?![\\p{L}])`,
);
export const FUTURE_WORDS = w(
  "завтра|послезавтра|tomorrow|tmrw?|2morrow|next\\s+week|на\\s+(?:след\\p{L}*|этой)\\s+неделе|через\\s+(?:\\p{L}+\\s+)?(?:день|дня|неделю|час)",
);
// Words of another day, a date or a moved meeting. Unseen messages were misread most often
// around these (a day read for one event and not the other, a meeting moved read as held), so a
// reading of a message with any of them is confirmed with one tap, never stored unasked.
export const NEEDS_A_LOOK = new RegExp(
  [
    "(?<![\\p{L}])(?:позавчера|вчера|day\\s+before\\s+yesterday|yesterday)(?![\\p{L}])",
    BARE_WEEKDAY.source,
    FUTURE_WORDS.source,
    VAGUE_PAST.source,
    MOVED.source,
    CANCELLED.source,
    // "на 10е", "к 12.12", "после нг": a date ("1.5 млн" is an amount: the reader blanks amounts first, see needsALook).
    "(?<![\\p{L}\\d])\\d{1,2}(?:[./]\\d{1,2}|-?(?:е|го|th|st|nd|rd))(?![\\p{L}\\d])|(?<![\\p{L}])(?:нг|new\\s+year)(?![\\p{L}])",
  ].join("|"),
  "iu",
);
export const PLAN_WORDS = w(
  "напомни(?:те)?(?![\\p{L}])|note\\s+to\\s+self|напомина\\p{L}*|напоминалк\\p{L}*|не\\s+забыть|в\\s+планах|should|ought\\s+to|предстоит|on\\s+the\\s+agenda|upcoming|надо|нужно|жд(?:ут|ем|ет|у)(?![\\p{L}])|ожида(?:ю|ем|ет|ют|ешь|ете|л|ла|ли|ть|ется|ются)(?![\\p{L}])|waiting\\s+for|await\\p{L}*|планирую|собираюсь|хочу|remind(?![\\p{L}])|reminders?|need\\s+to|planning|plan\\s+to|going\\s+to|gonna|gotta|about\\s+to|will|i'?ll|have\\s+to|prepare",
);
// English past forms are regular enough to spot without a dictionary.
export const EN_PAST = w(
  "set\\s+up|lined\\s+up|\\p{L}+ed(?![\\p{L}])|met|had|sent|spoke|rang|did|got|paid|sold|went|took|gave|made|left|lost|chose|was|were|signed|closed|won|dropped|" +
    // "ran the demo for Kestrel on Tuesday": the irregular past of doing, showing, meeting and telling.
    EN_IRREGULAR_PAST,
);

// Words that are never a client's name (capitalised at a sentence start, or after a preposition).
export const STOP = new Set(
  (
    "я мы он она они вы ты с со в во на по к ко у о об от до для из про при за и а но же уже еще ещё сегодня вчера позавчера завтра " +
    "целом курсе шоурум шоуруме шоуруму год году месяц месяце квартал екб спб мск нск авито причина причины отдел отдела отделу отделом отделе переговорке переговорной переговорку ценами ценой цены скидкой скидками условиями ген наш наша наше наши нашем нашей нашу нашего нашим наших ваш вашем вашей вашу вашего итоги отчет вечерний утренний телефонный телефонная утром днем днём вечером тоже снова опять наконец ура короче кстати там тут все всё очень ну вот да нет ок ок. их им ему ей ними нему ней ним " +
    "этот эти эту этой этим это тот та те тем новый новая новое новым новому новой нового новые итог итого потом затем сразу быстро " +
    "клиент клиента клиенту клиентом клиенте клиенты компания компании компанию компанией заказчик заказчика заказчиком заказчику " +
    "директор директором директору директора гендир гендиром лпр менеджер менеджером бухгалтер бухгалтером закупщик закупщиком собственник " +
    "jan feb mar apr jun jul aug sep sept oct nov dec gm ceo cfo фин финдир работе телега телегу телеге тг вотсап ватсап вотсапе ватсапе владелец владельцем секретарь секретарем руководитель руководителем поводу повод счет счёт договор договора договору контракт " +
    "нам нас меня мне них него нее неё ее её его ним ними свой свою своим который которая которые когда где как что чтобы " +
    "до после перед около почти ровно всего примерно сумма сумму суммой руб рублей рубля тыс тысяч млн миллион миллиона " +
    "понедельник вторник среду среда четверг пятницу пятница субботу воскресенье неделе неделю месяц пн вт ср чт пт сб вс " +
    "ooo i we he she they you the a an to with for at from and then today yesterday finally just also again client customer company " +
    "them him her it about on in of new my our their his this that after before by via over last week monday tuesday wednesday thursday friday " +
    "лпру лпра лпром лпре гендиру гендира финдир финдиру финдира msa nda sla sow rfp rfq qbr kpi crm mon tue tues wed thu thur thurs fri me us i'm i've i'd i'll we've we're we'd we'll they've they're it's that's let's there's " +
    "dm coo vp buyer procurement purchasing founder owner receptionist secretary assistant gatekeeper board " +
    "so ok okay guys team boss got had have has was were is are be been will would did do done out up off one two rub k " +
    "sent send emailed gave give showed product want wants booked went well next competitor budget no yes ceo cto cfo manager director " +
    "офис офисе офиса офисом hq office headquarters lunch dinner coffee zoom skype teams telegram whatsapp email linkedin " +
    "mr mr. mrs ms dr сайта сайте сайт " +
    // Verbs after "to" ("called to confirm") that would read as a name after the preposition.
    "confirm discuss ask check follow talk book schedule reschedule say see chat catch touch arrange review clarify " +
    "think consider decide pay sign buy meet go come get wait hear know look try move number line price prices " +
    "back twice earlier later already now still really finally everything nothing someone somebody everyone people guy guys " +
    // Whose ("у своей страховой", "от нашего КП") and when ("к обеду") are no names.
    "свой своя своё свое своей своего своему своих свою своим своими наш наша наше нашего нашей наших нашу нашим нашему " +
    "обед ужин обеду обеда обедом утра утру вечеру вечера конца конец концу понедельника вторника среды четверга пятницы субботы воскресенья " +
    // Abbreviations of what is sold or discussed ("КП по ДМС", "обсудили ТЗ"): typed in capitals, never a client.
    "дмс тз узи осаго каско эдо ндс ит it hr эйчар смм smm seo сео кп тп то сто sku skus"
  ).split(" "),
);
// English words that are never a client's name either, but that a reading still has to account for: a small word
// ("through pricing"), a team or department ("head of ops", "their QA team", "for their Ops team"), what is sold ("the same SKUs").
// Kept out of STOP so that, left untaken, they still make `autolog` ask.
export const EN_NOT_NAME = new Set(
  (
    "report reports nothing same ap ar pm am through thru into across around without within upon regarding re ppl folks sku skus pdf roi api erp pos eta asap fyi tbd " +
    "eod eow ops qa it hr pr ui ux legal finance accounting marketing sales engineering support admin team department dept " +
    // Verbs after "to" ("stopped by to pick up samples") that would read as a name after the preposition.
    "pick drop grab collect deliver show present demo sign send finalize finalise negotiate update introduce walk run give take bring " +
    "hand share explain answer install train onboard renew order reorder quote " +
    // How it went ("demo went great"): no name after the verb.
    "great fine badly smoothly nicely awesome amazing perfect terrible poorly quickly ok okay " +
    // How it was paid ("paid upfront").
    "upfront up-front prepaid advance cash cold warm intro follow-up followup " +
    // What was signed or paid ("contract signed today").
    "contract contracts invoice invoices agreement payment " +
    // Days ("then Sunday they signed").
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow " +
    "january february march april june july august september october november december christmas xmas"
  ).split(" "),
);
// People a manager talks to, by dictionary base form: "с собственником", "юристу" are never a client's name.
export const ROLES = new Set(
  (
    "клиент заказчик директор гендир гип техдир техдиректор лпр менеджер бухгалтер бухгалтерия закупщик закупщица закупка собственник владелец секретарь " +
    "секретарша руководитель юрист снабженец снабжение сотрудник коллега партнёр партнер помощник ассистент финдиректор " +
    "коммерческий технарь инженер логист маркетолог админ администратор генеральный управляющий исполнительный технический " +
    "финансовый заместитель зам замдиректор начальник главбух сайт главврач врач завотделение заведующий шеф-повар шеф повар " +
    "кадровик технолог прораб завхоз ребята главный кладовщик водитель продавец кассир экспедитор"
  ).split(" "),
);
// "участвуем в тендере …, заявку отправили": in a message about a tender, an application sent is the bid.
export const TENDER_BID = w(
  // "тендер подали", "подались на тендер": the bid itself.
  "(?:заявк|тендер|аукцион|документ)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:отправил|подал|направил|загрузил)\\p{L}*|(?:тендер|аукцион)\\p{L}*(?=\\s+(?:[^\\s.;!?]+\\s+){1,7}(?:подал|подали)(?![\\p{L}]))|подал\\p{L}*(?:сь|ись)\\s+(?:на|в)\\s+(?:тендер|аукцион|конкурс)\\p{L}*|(?:отправил|подал|подава|направил|загрузил|отдал)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:заявк|тендер)\\p{L}*|пода(?:л|ва)\\p{L}*\\s+(?:на|в)\\s+тендер\\p{L}*|submitted\\s+(?:the\\s+|a\\s+|our\\s+)?(?:bid|tender)|(?:bid|tender)\\s+(?:was\\s+|is\\s+)?submitted",
);
// "в тендере Газпрома": the one who holds a tender or a purchase follows in the genitive.
export const TENDER_NOUN = /^(?:тендер|конкурс|закупк|аукцион)/u;
// Events whose name is not a client's: "лид с выставки Стройэкспо: ООО «Кровля-Центр»".
export const EVENT_NOUN = /^(?:выставк|конференци|форум|ярмарк|expo$|conference$|summit$|саммит)/u;
// "на ПродЭкспо взял контакт", "at AgroExpo": an exhibition named by its own name.
export const EXPO_NAME = /(?:экспо|expo)$/u;
// The legal forms client matching strips, and a form glued to an opening quote ("ооо»").
export const LEGAL: ReadonlySet<string> = new Set([...LEGAL_WORDS, "ооо»"]);

export const MULT: [RegExp, string][] = [
  [/^(?:k|к|тыс\.?|тысяч\p{L}*|тыщ\p{L}*|косар\p{L}*|косых|thousand|grand|тыр|т\.?\s?р\.?|тр|т)$/iu, "тыс"],
  [/^(?:m|mln|mil|mill|кк|млн\.?|миллион\p{L}*|лям\p{L}*|лимон\p{L}*|million|mio)$/iu, "млн"],
  [/^(?:b|bn|млрд\.?|миллиард\p{L}*|billion)$/iu, "млрд"],
];
// "$$$" is a cheer, not a currency: a "$" right after another is no sign of dollars.
// "ЖБИ-3", "Завод-7": a number joined to a word by a hyphen is part of a name.
export const AMOUNT_RE =
  /(?<![\p{L}\d№#.,:/$])(?<!\p{L}-)(\$\s*)?(полтора|полторы|\d[\d\u00A0\u202F\u2009 ]*(?:(?:\.\d{3}){2,}(?!\d)|(?:,\d{3}){2,}(?!\d)|[.,]\d+)?)(?![\d:/])(?:\s*(k|к|кк|тыс\.?|тысяч\p{L}*|тыщ\p{L}*|косар\p{L}*|косых|thousand|grand|тыр|т\.?\s?р\.?|тр|т|m|mln|mil|mill|млн\.?|миллион\p{L}*|лям\p{L}*|лимон\p{L}*|million|b|bn|млрд\.?|миллиард\p{L}*|billion)(?![\p{L}\d]))?\.?\s*(₽|р\.|р(?![\p{L}])|руб\p{L}*\.?|rub\p{L}*|rur|\$|usd|долл\p{L}*|бакс\p{L}*|€|eur\p{L}*|евро)?(?![\p{L}])/giu;

// "пол ляма" is half a million, "на сотку" a hundred thousand.
export const WORD_AMOUNTS: [RegExp, number][] = [
  [/(?<![\p{L}])пол\s*-?\s*(?:ляма|лимона|миллиона|млн)(?![\p{L}])/giu, 50_000_000],
  [/(?<![\p{L}])(?:сотк[уаи]|сотню|сотня)(?![\p{L}])/giu, 10_000_000],
  // "на лям", "четверть ляма", "полтинник": a million, a quarter of one, fifty thousand.
  // ("лям двести" is 1,2 млн: see MILLION_AND_HUNDREDS.)
  [
    /(?<![\p{L}])(?:лям|лимон|миллион)(?<!\d[\s\u00A0]*(?:лям|лимон|миллион))(?<!(?:один|одна|два|две|три|четыре|пять)\s+(?:лям|лимон|миллион))(?![\p{L}])(?!\s+(?:\d|сто|двести|триста|четыреста|пятьсот|шестьсот|семьсот|восемьсот|девятьсот|сотк|полтинник))/giu,
    100_000_000,
  ],
  [/(?<![\p{L}])четверть\s+(?:ляма|лимона|миллиона|млн)(?![\p{L}])/giu, 25_000_000],
  [/(?<![\p{L}])(?:полтинник\p{L}*|полтос\p{L}*)(?![\p{L}])/giu, 5_000_000],
];

// "миллион двести", "два ляма триста пятьдесят": millions and then the thousands after them, said as hundreds.
export const MILLION_AND_HUNDREDS =
  /(?<![\p{L}\d])(?<!\d[\s\u00A0]+)(?:(\d{1,2}|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)[\s\u00A0]+)?(?:лям|лимон|миллион)(?:а|ов)?\s+((?:сто|двести|триста|четыреста|пятьсот|шестьсот|семьсот|восемьсот|девятьсот)(?:\s+(?:десять|двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто))?)(?![\p{L}])(?!\s+(?:тысяч|тыщ|тыс|руб|₽|р\.|штук|шт|ящик|единиц|позици|пачек|коробок|метр|тонн|человек|мест)\p{L}*)/giu;
// "два с половиной миллиона", "half a million": a number and a half of a unit.
export const AND_A_HALF =
  /(?<![\p{L}])(?:(один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+с\s+половиной\s+(тысяч\p{L}*|тыщ\p{L}*|млн\.?|миллион\p{L}*|лям\p{L}*|лимон\p{L}*)|half\s+a\s+(million|mil))(?![\p{L}])/giu;

// Numbers said in words, as voice input types them: "двести пятьдесят тысяч", "fifty k".
export const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
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
export const WORDED_AMOUNT = new RegExp(
  `(?<![\\p{L}])((?:(?:${NUMBER_WORD})(?:\\s+|-))+)(тысяч\\p{L}*|тыщ\\p{L}*|тыс\\.?|косар\\p{L}*|косых|k|к|thousand|grand|млн\\.?|миллион\\p{L}*|лям\\p{L}*|лимон\\p{L}*|million|mln)(?![\\p{L}])`,
  "giu",
);

export const REASON_SEP =
  /\s[—–-]\s|[—–:(]|(?<![\p{L}])(?:(?:сказал\p{L}*(?!\s+нет)|говор(?:ят|ит))(?:\s+что)?|потому\s+что|так\s+как|т\.\s?к\.|причина|из-за|because|reason|due\s+to|since|b\/c|bc|cuz|coz)(?![\p{L}])/giu;
export const REASON_LEAD =
  /^(?:[\s:—–(-]|(?:сказал\p{L}*|говор\p{L}*|said)(?:\s+(?:что|that))?(?![\p{L}])|потому\s+что|так\s+как|т\.\s?к\.|причина|because|reason|since|(?:их|его|ее|её|them)(?=\s+не\s)|у\s+(?:них|него|нее|неё|нас)(?:\s+(?:теперь|уже|сейчас))?(?=\s)|ссыла\p{L}*\s+на|they(?=\s+(?:\p{L}+ed|went|chose|found|picked|got)\s)|они(?=\s+\p{L}+(?:л|ла|ли)\s))+/iu;
// "хотят презентацию", "ждут КП", "will send a quote": what is wanted or planned has not
// happened yet, so the word right after it is not an event (a wanted meeting after a
// call is the call's outcome, read by MEETING_OUTCOME).
export const PLANNED =
  /(?<![\p{L}-])(?:хоч\p{L}*|хот(?:ят|им|ите|ел\p{L}*)|обеща\p{L}*|жд(?:ут|ем|ет|у)|просят|просил[аи]?|попросил[аи]?|нужн[аоы]?|нужен|просит|надо|планиру\p{L}*|собира\p{L}*|будет|будем|буду|want(?:s|ed)?|waiting\s+for|await\p{L}*|ask(?:s|ed|ing)?\s+for|request(?:s|ed|ing)?|needs?|will|plan(?:s|ning)?\s+to|going\s+to)\s+(?:(?:\p{L}+)\s+){0,2}$|want(?:s|ed)?\s+to\s+(?:see|get|receive|review)\s+(?:(?:\p{L}+)\s+){0,2}$/iu;
// "sending proposal tmrw", "готовлю КП": work under way on an event is not the event done.
export const UNDER_WAY =
  /(?<![\p{L}-])(?:sending|preparing|drafting|working\s+on|scheduling|setting\s+up|putting\s+together|finali[sz]ing|готовлю|готовим|подготавлива\p{L}*|составляю|составляем|делаю|пишу)\s+(?:(?:the|a|an|our|them|him|her|им|ему|ей)\s+)?$/iu;
// "Globex deal still pending", "сделка с Вегой зависла": a status of the event, not the event done.
export const STATUS_AFTER =
  /^\p{L}*(?:\s+(?:with|с|со|для|for)\s+\S+)?\s+(?:(?:is|still|has\s+been|was|всё\s+ещё|все\s+еще|пока)\s+)*(?:готов[оаы]?(?![\p{L}])(?!\s+и\s+(?:отправ|выслан|скинут|направлен))|ready(?!\s+and\s+sent)|pending|in\s+progress|in\s+process(?:ing)?|being\s+processed|on\s+hold|stuck|delayed|under\s+review|в\s+процессе|завис\p{L}*|подвис\p{L}*|застрял\p{L}*|буксует|обеща\p{L}*|ожида\p{L}*|promised|expected)/iu;
// "КП понравилось", "сказал кп получил", "получили наше КП", "they liked the quote": a proposal the client received or
// judged was sent before, not now.
export const JUDGED_AFTER =
  /^\p{L}*\s+(?:\p{L}+\s+)?(?:(?:им|ему|ей|всем|очень|вроде|уже|не)\s+)*(?:понравил\p{L}*|устроил\p{L}*|зашл[оа]|(?:\p{L}+\s+)?на\s+согласовани\p{L}*|получил\p{L}*|получен\p{L}*|посмотр\p{L}*|рассмотр\p{L}*|изуч\p{L}*|одобрил\p{L}*)/iu;
export const JUDGED_BEFORE =
  /(?<![\p{L}])(?:получил\p{L}*|посмотрел\p{L}*|изучил\p{L}*|прочитал\p{L}*|одобрил\p{L}*|liked|loved|received|reviewed|read)\s+(?:(?:наш\p{L}*|our|the|my|его|их)\s+)?$/iu;
// "ответили на КП", "replied to the quote": what is answered was sent before, not now.
// A word after a hyphen is part of a name ("Кедр-Про подписали"), no topic.
export const TOPIC_BEFORE =
  /(?<![\p{L}-])(?:по|про|насч[её]т|(?:about|regarding|re:?)(?:\s+(?:the|their|our))?\s+(?:overdue|outstanding|unpaid)|about|regarding|re:?|on\s+the\s+(?:overdue|outstanding|unpaid)|(?:ответ|отреагир)\p{L}*\s+на|(?:replied|responded)\s+to)\s+(?:(?:the|our|their|его|их|нашей|нашему|наше|наш)\s+)?$/iu;
// "re overdue invoice", "about their outstanding invoice", "went through (the) pricing", "ran through the quote": in
// English the topic may carry a word on its state, and going through a document is discussing it, not sending it.
export const EN_TOPIC_BEFORE =
  /(?<![\p{L}-])(?:(?:about|regarding|re:?|on|chased\s+\S+\s+(?:about|re|for|on))\s+(?:(?:the|our|their|an?|that|this)\s+)?(?:overdue|outstanding|unpaid|late|open|pending|delayed|last|latest|previous|updated|revised|signed|new)\s+|(?:went|gone|go|going)\s+(?:through|thru|over)\s+(?:(?:the|our|their|an?)\s+)?(?:\p{L}+\s+)?)$/iu;
// "the invoice we sent on wednesday", "the quote that I emailed them last thu": a thing described by what was done with
// it before; a weekday after such a relative clause is that earlier step's day.
export const EN_RELATIVE_BEFORE =
  /(?<![\p{L}])(?:invoice|bill|quote|quotation|proposal|contract|agreement|deck|offer|estimate|order|samples?|pricing|price\s+list|po)\s+(?:that\s+|which\s+)?(?:we|i|they|he|she|you|our\s+\p{L}+)\s+(?:\p{L}+\s+){1,3}$/iu;
// "the demo recording", "a webinar link", "the recording of the demo": a thing made of a demo, sent or shared, is no
// demo held.
export const EN_EVENT_THING_AFTER =
  /^(?:demo|presentation|webinar|walkthrough|pitch)\p{L}*\s+(?:recording|video|link|access|account|login|credentials|environment|version|copy|file|deck|slides|materials|notes|summary|invite|invitation)s?(?![\p{L}])/iu;
export const EN_EVENT_THING_BEFORE =
  /(?<![\p{L}])(?:recording|video|link|slides|deck|notes|summary|copy)\s+(?:of|from)\s+(?:the\s+|our\s+|their\s+|my\s+|yesterday's\s+|today's\s+)?$/iu;
// "he's in meetings all day", "was in a meeting": where the one called was, no meeting of ours.
export const EN_BUSY_IN_BEFORE =
  /(?:(?<![\p{L}])(?:is|was|are|were|be|been)|['’](?:s|re))\s+(?:still\s+)?(?:in|at)\s+(?:a\s+|another\s+|an?\s+)?$/iu;
// "sent it", "sent one over", "emailed it across": an offer named before in the message, sent.
export const EN_SENT_IT = w(
  "(?:sent|emailed|shot|fired|dropped)\\s+(?:it|one|that|them\\s+one)(?:\\s+(?:over|across|through))?(?![\\p{L}])",
);
// "they accepted today", "approved it", "ok'd": said after an offer named in the message, that offer accepted.
export const EN_ACCEPTED_IT = w(
  "(?:accepted|approved|ok'?d|okayed|green-?lit|signed\\s+off)(?=\\s*(?:$|[,.;!—–-]|\\s+(?:it|them|today|yesterday|this|on|the\\s+(?:offer|proposal|quote|price|pricing|terms|deal))(?![\\p{L}])))",
);
// "deal looks promising", "deal is close", "deal is progressing": how an event stands, in English.
export const EN_STATUS_AFTER =
  /^\p{L}*(?:\s+(?:with|w\/)\s+\S+)?\s+(?:(?:is|still|looks|seems|feels|'s)\s+)*(?:promising|good|positive|likely|hot|warm|close|closer|progressing|moving\s+(?:along|forward)|on\s+track|looking\s+(?:good|promising)|(?:went|gone|sent)\s+to\s+(?:legal|procurement|finance|review|committee|the\s+board|approval)|(?:with|in)\s+(?:legal|procurement|review))(?![\p{L}])/iu;
// "they signed wednesday": a weekday's full name typed bare, no "on", after an English past verb and its object.
// "had lunch w/ the CFO of tidemark wed": a short name ending the clause too.
export const EN_BARE_WEEKDAY = w(
  "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\\p{L}])|(?:mon|tues?|wed|thu|thurs?|fri)(?=\\s*(?:$|[.,;!]))",
);
// "then Sunday they signed", "and friday we met": a bare weekday opening a clause told in the past.
export const EN_WEEKDAY_BEFORE_PAST =
  /^\s+(?:they|we|i|he|she|it|the\s+client)\s+(?:\p{L}+ed|paid|signed|won|lost|sold|sent|met|rang|spoke|had|did|gave|bought|made|got|came|went|took|said)(?![\p{L}])/u;
export const EN_PAST_BEFORE_WEEKDAY =
  /(?<![\p{L}])(?:sent|emailed|met|paid|signed|won|lost|sold|closed|visited|called|rang|phoned|tried|demoed|presented|submitted|issued|invoiced|received|bought|ordered|held|ran|gave|did|spoke|talked|chatted|had)(?:\s+(?!(?:to|for|by|till|until|back|next|this|before|after)(?![\p{L}]))\S+){0,6}\s+$/iu;
// A weekday in a clause that moves, promises or asks for something is that thing's day, ahead.
export const EN_WEEKDAY_AHEAD_CLAUSE =
  /moved|reschedul|push|postpon|promis|call\s+(?:them\s+|him\s+|her\s+|me\s+)?back|callback|due|expect|until|till/iu;
// "молчит после КП", "before the demo", "до встречи": an event named as a point in time was not done here.
export const TIME_REFERENCE = /(?<![\p{L}-])(?:после|перед|after|before|since|following)\s+(?:(?:the|our|их|нашего|нашей|нашу)\s+)?$/iu;
export const REFERRED_BY =
  /(?:(?:referral\s+from|referred\s+by|recommended\s+by)\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,2}(?:at|from|@)|referral\s+from|referred\s+by|recommended\s+by|рекомендаци\p{L}*(?:\s+от)?(?:(?:\s+\p{L}+){1,2}\s+(?:из|от))?|от\s+партн[её]р\p{L}*)\s+$/iu;
export const REFERRED = new RegExp(
  `^[»"”]?['’]?s?[\\s:—–-]*\\s(?:referred|recommended|introduced\\s+us|put\\s+us\\s+in\\s+touch|connected\\s+us|${REFERRED_US})`,
  "iu",
);
// "позвонил по поводу КП": what the call was about is not another event.
// "думают над КП", "рассматривают договор", "talked pricing", "reviewing the quote": the event word is the topic.
export const ABOUT = w(
  "по\\s+поводу|насч[её]т|обсудили|обсуждали|договорились\\s+о(?!\\s+встреч)|дума\\p{L}*\\s+(?:над|о|об|про)|рассматрива\\p{L}*|изуча\\p{L}*|говорили\\s+(?:о|об|про)|about|regarding|re:|discuss\\p{L}*|обсудить|talked|went\\s+(?:over(?!\\s+to\\s)|through)|considering|reviewing|evaluating|thinking\\s+(?:over|it\\s+over)|looking\\s+(?:at|over|into)",
);

export const QUESTION_START = w(
  "(?:а|и|ну|слушай|скажи|подскажи)?\\s*(?:(?:мне\\s+)?(?:нуж(?:ен|на|но|ны)|надо)\\s+(?:\\p{L}+\\s+)?(?:отч[её]т|статистик|выгрузк|сводк|список|рейтинг|цифр)\\p{L}*|сколько|почему|зачем|как|где|когда|кто|чей|чья|чьи|можешь|можете|who|whom|whose|would\\s+you|какой|какая|какие|какое|каков\\p{L}*|что\\s+(?:у\\s+меня|делать|нового)|покажи|подскажи|можно|how|why|what|where|when|which|can\\s+(?:you|u)|could\\s+(?:you|u)|show|is\\s+there|do\\s+i|does)(?![\\p{L}])",
);
// "план на сегодня — 30 звонков", "plan for today: 20 calls", "цель: 5 встреч": a list of what is to be done.
export const PLAN_HEADER = w(
  "(?:(?:сегодня|today|на\\s+сегодня)\\s+)?(?:мой\\s+|my\\s+)?(?:план|планы|цель|цели|задача|задачи|todo|to-?do|to\\s+do|plan|plans|goal|goals|target|targets|agenda)(?:\\s+(?:на|for)\\s+(?:\\p{L}+\\s+)?\\p{L}+)?\\s*(?:[:—–-]|\\d)|" +
    "(?:next\\s+up|up\\s+next|coming\\s+up|later\\s+today)\\s*[:—–-]|" +
    // "на завтра: звонок Лотосу, КП Звезде", "tomorrow: meeting with Bluebird": a list under a day ahead.
    `(?:(?:на\\s+|for\\s+)?(?:завтра|послезавтра|tomorrow)|(?:на|for)\\s+(?:след\\p{L}*\\s+|next\\s+)?(?:неделю|week|${WD})|next\\s+week)\\s*:`,
);
// "удали звонок Веге", "fix the amount for Initech": an order to change what was logged; /undo and /edit do that.
export const COMMAND = w(
  "(?:пожалуйста\\s+|please\\s+|pls\\s+|plz\\s+)?(?:удали|удалите|отмени|отмените|исправь|исправьте|поправь|поправьте|измени|измените|поменяй|поменяйте|delete|remove|undo|fix|change|edit|correct|update)(?![\\p{L}])",
);
export const QUESTION_WORD = w("(?:сколько|почему|зачем|где|how\\s+(?:many|much)|why|where)(?![\\p{L}-])");
// "ни одного нормального звонка", "звонков не было", "слишком много недозвонов", "третий отказ за день", "в выходные
// никто не звонит": a remark on the day at large; with no client named anywhere, nothing to log.
export const DAY_REMARK = w(
  "ни\\s+одного\\s+(?:\\p{L}+\\s+)?(?:звонк|встреч|лид|сделк|заявк|клиент|недозвон|лпр)\\p{L}*|(?:звонков|встреч|лидов|сделок|заявок|клиентов)\\s+(?:\\p{L}+\\s+)?не\\s+было|не\\s+было\\s+(?:ни\\s+)?(?:\\p{L}+\\s+)?(?:звонков|встреч|лидов|сделок|заявок|клиентов)|(?:много|мало|столько|куча|сколько)\\s+(?:\\p{L}+\\s+)?(?:недозвонов|звонков|отказов|встреч|сделок|лидов)|(?:втор|трет|четв[её]рт|пят|шест|десят)\\p{L}*\\s+(?:отказ|недозвон|сброс)\\p{L}*\\s+(?:за|подряд)|(?:никто|никогда)\\s+не\\s+(?:звонит|звонят|пишет|пишут)|клиенты\\s+(?:звонят|пишут)\\s+(?:\\p{L}+\\s+)?(?:ругают|ругаются|жалуют|злые|орут)\\p{L}*|\\d+\\s+(?:звонков|недозвонов|встреч|отказов)\\s+за\\s+(?:день|сегодня|неделю)|no\\s+calls\\s+(?:today|at\\s+all)|not\\s+a\\s+single\\s+(?:call|lead|meeting)",
);
export const COMPLAINT = w(
  // "the app crashed again, pls fix", "sandbox is down, can't demo": the tools, no event.
  "(?:app|bot|приложени\\p{L}*|sandbox|песочниц\\p{L}*)\\s+(?:\\p{L}+\\s+){0,2}(?:crash\\p{L}*|down|froze|freez\\p{L}*|упал\\p{L}*|лежит|завис\\p{L}*|вылета\\p{L}*)|pl[sz]\\s+fix|please\\s+fix|почините|" +
    // "неправильно записал — это была встреча": a correction of what was logged, nothing new to log.
    "(?:неправильно|неверно|ошибочно|не\\s+так)\\s+(?:записал\\p{L}*|занес\\p{L}*|внес\\p{L}*|вн[её]с|залогировал\\p{L}*)|записал\\p{L}*\\s+(?:не\\s+так|неправильно|неверно|по\\s+ошибке)|logged\\s+(?:it\\s+|that\\s+)?(?:wrong|by\\s+mistake|incorrectly)|" +
    // "клиенты вообще не берут трубки": the day's clients at large, no event of one client.
    "(?:can'?t|cannot|couldn'?t)\\s+reach\\s+anyone(?!\\s+(?:at|from|in)\\s)|(?:nobody|no\\s+one)\\s+is\\s+(?:picking|answering)|(?:клиенты|никто\\s+из\\s+клиентов)\\s+(?:\\p{L}+\\s+){0,3}не\\s+(?:бер|бр|отвеча|взял|снима)\\p{L}*|" +
    "(?:бот|bot)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:не|didn'?t|doesn'?t|won'?t)\\s|(?:бот|bot)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}(?:ignor|игнор|keeps|тупит|глюч|лага|сломал|broke|mess|missed|пропуска|потерял|lost|forgot|забыл|врет|врёт|ошиба)\\p{L}*|не\\s+посчитал\\p{L}*|не\\s+уч[её]л\\p{L}*|не\\s+записал\\p{L}*|didn'?t\\s+(?:save|record|log|count)|не\\s+работает|ничего\\s+не\\s+работает|сломал\\p{L}*|глючит|баг(?![\\p{L}])|не\\s+засчит\\p{L}*|не\\s+отображ\\p{L}*|не\\s+вижу|не\\s+сохрани\\p{L}*|пропал\\p{L}*|(?:записал\\p{L}*|посчитал\\p{L}*|засчитал\\p{L}*|logged|counted|recorded|saved)\\s+(?:\\p{L}+\\s+){0,3}(?:дважды|двойн\\p{L}*|twice)|задвоил\\p{L}*|(?:записал\\p{L}*|посчитал\\p{L}*)\\s+не\\s+(?:тот|та|то|так)|не\\s+(?:тот|та|то)\\s+(?:\\p{L}+\\s+)?записал\\p{L}*|исправь\\p{L}*|поправь\\p{L}*|это\\s+был[аои]?\\s+(?:\\p{L}+\\s+){1,3}а\\s+не|это\\s+(?:был[аои]?\\s+)?не\\s+\\p{L}+\\s*,?\\s+а\\s|(?:that|it|this)(?:\\s+was|\\s+is|'s)\\s+(?:an?\\s+)?\\p{L}+\\s*,?\\s+not\\s+(?:an?\\s+)?\\p{L}+|(?:logged|recorded|saved|counted|записал\\p{L}*|посчитал\\p{L}*|засчитал\\p{L}*|сохранил\\p{L}*)\\s+(?:\\p{L}+\\s+){0,3}(?:as|как)\\s+(?:an?\\s+)?\\p{L}+|should\\s+(?:have\\s+been|be)\\s+(?:an?\\s+)?\\p{L}+|logged\\s+(?:it\\s+)?wrong|wrong\\s+(?:client|entry|amount)|broken|bug(?![\\p{L}])|not\\s+working|doesn'?t\\s+work|didn'?t\\s+count|counted\\s+(?:\\p{L}+\\s+){0,3}twice|is\\s+missing",
);

/**
 * Words that add nothing to a reading already made, so they never hold back a confident one: the verbs of doing that
 * carry an event noun ("отправил КП", "провёл демо", "счёт выставлен", "предоплата пришла"), remarks on how it went
 * ("прошла хорошо", "всё понравилось", "думают"), how long or how often ("минут 10", "весь день", "twice") and the
 * channel ("на почту"). Any other word the reader did not take makes `autolog` ask.
 */
export const EXPLAINED_FILLER = new RegExp(
  "^(?:" +
    [
      "отправ\\p{L}*",
      "провел\\p{L}*",
      "провели",
      "скину\\p{L}*",
      "кину\\p{L}*",
      "закину\\p{L}*",
      "выстав\\p{L}*",
      "выслал\\p{L}*",
      "направил\\p{L}*",
      "направлен\\p{L}*",
      "сделал\\p{L}*",
      "подготовил\\p{L}*",
      "был[аио]?",
      "прош(?:ла|ло|ел|ли)",
      "состоял\\p{L}*",
      "пришл[аио]",
      "пришел",
      "ушл[аио]",
      "подан[аоы]?",
      "подал[аи]?",
      "sent|did|had|held|ran|gave|went|was|were",
      "хорошо|отлично|норм|нормально|понравил\\p{L}*|зашл[оа]|интересно|огонь|довольн\\p{L}*|думают|думает",
      "good|great|well|nicely|interested|loved|liked|happy|thinking",
      "день|минут\\p{L}*|мин|час[аов]*|раза?|дважды|трижды|twice|times|minutes|mins?|hours?",
      "почт[уеы]|email|e-mail|mail|зуму?|zoom",
    ].join("|") +
    ")$",
  "u",
);

/**
 * The English families first read in round 11 (a visit told by "went to"/"stopped by", going to another vendor by any
 * verb, the irregular past, a person named by a title), each with the pattern as it was before them. Until a held-out
 * set has been read with them, a reading that rests on one is confirmed with one tap, never stored unasked: `autolog`
 * stays exactly as strict as before.
 */
const LOST_NOW = KIND_PATTERNS.find(([k]) => k === "lost")![1];
const MEETING_NOW = KIND_PATTERNS.find(([k]) => k === "meeting")![1];
const before11 = (re: RegExp, ...changes: [string, string][]) => {
  let src = re.source;
  for (const [now, was] of changes) {
    // A pattern's source escapes "/" ("w/" reads "w\/").
    const escaped = now.replaceAll("/", "\\/");
    if (!src.includes(escaped)) throw new Error(`round-11 family not found: ${now}`);
    src = src.replace(escaped, was);
  }
  return new RegExp(src, re.flags);
};
const kindNow = (kind: ActivityKind) => KIND_PATTERNS.find(([k]) => k === kind)![1];
// (A referrer "introduced us to" is flagged by the lead pair: EN_LEAD_MORE holds the same words.)
export const EN_NEWLY_READ: [RegExp, RegExp][] = [
  [LOST_NOW, before11(LOST_NOW, [`|${EN_GONE_TO}`, ""], [`|${EN_LOST_MORE}`, ""], ["no[\\s-]+go", "no\\s+go"])],
  [REASON_SEP, before11(REASON_SEP, ["|b/c|bc|cuz|coz", ""])],
  [AMOUNT_RE, before11(AMOUNT_RE, ["|(?:,\\d{3}){2,}(?!\\d)", ""], ["|mil|mill", ""])],
  [MEETING_NOW, before11(MEETING_NOW, [`|${EN_VISIT}`, ""])],
  [kindNow("deal"), before11(kindNow("deal"), [`|${EN_CHOSE_US}`, ""])],
  [kindNow("call"), before11(kindNow("call"), [`|${EN_CALL_MORE}`, ""])],
  [
    kindNow("lead"),
    before11(kindNow("lead"), [`|${EN_LEAD_MORE}`, ""], ["reached\\s+out(?!\\s+to\\s+(?!us(?![\\p{L}])))", "reached\\s+out"]),
  ],
  [NOANSWER, before11(NOANSWER, [`|${EN_NOANSWER_MORE}`, ""])],
  [MEETING_OUTCOME, before11(MEETING_OUTCOME, [`|${EN_BOOKED_MORE}`, ""])],
  [BOSS_AWAY, before11(BOSS_AWAY, [`${EN_BUSY}|`, ""], ["|(?:mr|mrs|ms|miss|dr)\\.?\\s+\\p{L}+)", ")"])],
  [WRITTEN, before11(WRITTEN, ["(?<!left\\s+(?:a\\s+|another\\s+)?)messages?", "messages?"])],
  [COMPLAINT, before11(COMPLAINT, ["reach\\s+anyone(?!\\s+(?:at|from|in)\\s)", "reach\\s+anyone"])],
];
export const EN_TITLE_WORD = w("(?:mr|mrs|ms|miss|dr|mister)(?![\\p{L}])");
export const EN_IRREGULAR_PAST_RE = w(`(?:${EN_IRREGULAR_PAST})(?![\\p{L}])`);
/** One word that is such an irregular past (no global flag: `test` keeps no state). */
export const EN_IRREGULAR_PAST_WORD = new RegExp(`^(?:${EN_IRREGULAR_PAST})$`, "u");
