// The report card's view model, pure: the audit's report, the methodology's rules and the page's history in,
// the card as a reader acts on it out — failed rules first, ordered by points to gain for the effort, each with
// its positive name, status, value with unit and norm, percentile in words, evidence as dated sentences linked
// to the posts on VK and the methodology's "how to"; then the rules to check by hand, then what is done. No
// React and no i18next here, so a test can build the card of every page of a world.
import type { PageCardView as PageCard } from '../../../src/analytics/analytics.contract.ts';
import type { PageReportView as PageReport } from '../../../src/audit/audit.contract.ts';
import type {
  MethodologyRuleView as MethodologyRule,
  MethodologyVersionView as MethodologyVersion,
} from '../../../src/methodology/methodology.contract.ts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
type Rule = PageReport['rules'][number];

export type EvidenceLine = { text: string; href?: string };

export type CardItem = {
  id: string;
  /** The rule's one positive name, as in the methodology ("Есть аватар"). */
  name: string;
  status: string;
  statusText: string;
  /** "10 дней без постов · норма ≤ 7"; null for a yes/no rule. */
  value: string | null;
  /** "лучше, чем 2 из 10 похожих страниц региона"; null when there are no peers. */
  percentile: string | null;
  evidence: EvidenceLine[];
  /** The recommendation filled with this page's figures, when the audit made one. */
  advice: string | null;
  /** The methodology's "how to do it", always there for a rule to fix. */
  howTo: string;
  why: string;
  /** Points of the total the rule would add if met. */
  gain: number;
  gainText: string;
  effort: string | null;
  /** gain per unit of effort: the order of "what to do". */
  priority: number;
  /** The fact an operator may record for this rule (a manual check), when there is one. */
  check: { fact: string; max: 1 | 2 } | null;
  /** Where the judged fact came from ("по ручной проверке …"), when not VK's profile. */
  sourceText: string | null;
  /** When the input is unknown: which fact is missing and how to supply it ("Неизвестно: … Как узнать: …"). */
  unknownText: string | null;
};

export type CardModel = {
  todo: CardItem[];
  manual: CardItem[];
  /** Rules whose fact can be recorded by hand (widgets, Госпаблики connection, backlink…), whatever their status. */
  checks: CardItem[];
  done: CardItem[];
  notJudged: CardItem[];
  /** Oldest first, as a chart's time axis runs. */
  history: { periodEnd: number; score: number }[];
};

export type CardInput = {
  report: PageReport;
  methodology: Pick<MethodologyVersion, 'categories'> & {
    ruleList: (Pick<MethodologyRule, 'id' | 'category' | 'weight' | 'title' | 'help' | 'rationale'> & {
      effort?: string;
      params?: Record<string, unknown>;
    })[];
  };
  card: Pick<PageCard, 'history'> & { externalId?: number | null };
  lang: 'ru' | 'en';
  t: Translate;
};

const JUDGED = new Set(['pass', 'warn', 'fail']);
const EFFORT_COST: Record<string, number> = { low: 1, medium: 4, high: 12 };
/** Where a page stands among its peers (0..100, higher is better) in tenths, rounded towards the median so a
 * sentence never overstates: "better than 9 in 10" from the 95th percentile, never "better than 0 in 10" (that is
 * "worse than all") nor "better than 10 in 10". */
function peerWords(better: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (better >= 100) return t('card.peers.best');
  if (better <= 0) return t('card.peers.worst');
  if (better === 50) return t('card.peers.par');
  if (better > 50) return t('card.peers.better', { n: Math.min(9, Math.floor(better / 10)) });
  return t('card.peers.worse', { n: Math.min(9, Math.floor((100 - better) / 10)) });
}

/** Rules whose value is better when lower: a percentile of the value reads the other way round. */
const LOWER_IS_BETTER = new Set(['longest-silence', 'last-post', 'answer-time']);

export function locale(lang: 'ru' | 'en'): string {
  return lang === 'en' ? 'en-GB' : 'ru-RU';
}

/** The form of "one|few|many|other" that Intl.PluralRules picks for n in the language. */
export function plural(n: number, forms: string, lang: 'ru' | 'en'): string {
  const [one, few, many, other] = forms.split('|');
  const category = new Intl.PluralRules(locale(lang)).select(n);
  return { one, few, many, other }[category as 'one' | 'few' | 'many' | 'other'] ?? other ?? one ?? '';
}

export function buildCard({ report, methodology, card, lang, t }: CardInput): CardModel {
  const number = (n: number, digits = 1) => n.toLocaleString(locale(lang), { maximumFractionDigits: digits });
  const percent = (share: number) => `${number(share * 100, 0)} %`;
  const date = (unix: number) =>
    new Date(unix * 1000).toLocaleDateString(locale(lang), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  const isoDate = (text: string) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? date(Date.parse(text) / 1000) : text);
  const postUrl = (id: number, reply?: number) =>
    card.externalId
      ? `https://vk.com/wall-${card.externalId}_${id}${reply ? `?reply=${reply}` : ''}`
      : undefined;

  const meta = new Map(methodology.ruleList.map((r) => [r.id, r]));
  const advice = new Map(report.recommendations.map((r) => [r.ruleId, r.text]));
  const categoryWeight = new Map(methodology.categories.map((c) => [c.id, c.weight]));
  // The total is a weighted mean over judged categories, each a weighted mean of its judged rules: a rule's
  // share of the total is its weight within its category times its category's weight within the total.
  const judged = report.rules.filter((r) => JUDGED.has(r.status));
  const ruleWeightIn = new Map<string, number>();
  for (const r of judged)
    ruleWeightIn.set(r.category, (ruleWeightIn.get(r.category) ?? 0) + (meta.get(r.id)?.weight ?? 0));
  const totalCategoryWeight = [...ruleWeightIn.keys()].reduce((s, c) => s + (categoryWeight.get(c) ?? 0), 0);
  const gainOf = (r: Rule) => {
    const w = meta.get(r.id)?.weight ?? 0;
    const inCategory = ruleWeightIn.get(r.category) ?? 0;
    if (!inCategory || !totalCategoryWeight) return 0;
    const score = r.score ?? (r.status === 'pass' ? 1 : 0);
    return (
      ((categoryWeight.get(r.category) ?? 0) / totalCategoryWeight) * (w / inCategory) * (1 - score) * 100
    );
  };

  const valueText = (r: Rule): string | null => {
    const v = r.value;
    const p = meta.get(r.id)?.params ?? {};
    if (v === null) return null;
    const norm = (sign: '≥' | '≤', text: string) => `${t('card.norm')} ${sign} ${text}`;
    const count = (unit: string, min: unknown) =>
      `${number(v)} ${plural(v, t(unit), lang)} · ${norm('≥', number(Number(min ?? 1)))}`;
    switch (r.id) {
      case 'posting-frequency':
        return `${number(v)} ${plural(v, t('card.unit.perWeek'), lang)} · ${norm('≥', number(Number(p.perWeek ?? 3)))}`;
      case 'longest-silence':
        return `${number(v, 0)} ${plural(Math.round(v), t('card.unit.silence'), lang)} · ${norm('≤', number(Number(p.maxDays ?? 7)))}`;
      case 'last-post':
        return `${t('card.unit.daysAgo', { n: number(v, 0), word: plural(Math.round(v), t('card.unit.days'), lang) })} · ${norm('≤', number(Number(p.maxDays ?? 7)))}`;
      case 'description':
        return `${number(v, 0)} ${plural(v, t('card.unit.chars'), lang)} · ${norm('≥', number(Number(p.minLength ?? 100)))}`;
      case 'answer-time':
        return `${number(v)} ${t('card.unit.hours')} · ${norm('≤', `${number(Number(p.maxHours ?? 24))} ${t('card.unit.hours')}`)}`;
      case 'contacts':
        return `${number(v, 0)} ${plural(v, t('card.unit.contacts'), lang)}`;
      case 'polls':
      case 'clips':
      case 'video':
      case 'live':
        return count(`card.unit.${r.id}`, p.min);
      case 'own-content':
      case 'visuals':
      case 'rubrics':
      case 'answer-rate':
      case 'comments-open':
      case 'plain-language':
      case 'discussion':
      case 'official-name':
      case 'reach':
      case 'er-views': {
        const min = p.minShare ?? p.minSimilarity;
        const text = `${percent(v)} ${t(`card.unit.share.${r.id}`)}`;
        return typeof min === 'number' ? `${text} · ${norm('≥', percent(min))}` : text;
      }
      default:
        return null; // a yes/no rule: its status says it all
    }
  };

  const percentileOf = (r: Rule): string | null => {
    if (r.percentile === null || valueText(r) === null) return null;
    return peerWords(LOWER_IS_BETTER.has(r.id) ? 100 - r.percentile : r.percentile, t);
  };

  const evidenceOf = (r: Rule): EvidenceLine[] =>
    r.evidence
      .map((e): EvidenceLine => {
        switch (e.type) {
          case 'post': {
            const note = e.note ? noteText(e.note) : '';
            return {
              text: `${t('card.ev.post', { date: date(e.date) })}${note ? `: ${note}` : ''}`,
              href: postUrl(e.id),
            };
          }
          case 'comment':
            return {
              text: `${t('card.ev.comment', { date: date(e.date) })}${e.note ? `: ${noteText(e.note)}` : e.text ? `: ${t('card.ev.quote', { text: e.text })}` : ''}`,
              href: postUrl(e.postId, e.id),
            };
          case 'gap':
            return {
              text: t('card.ev.gap', {
                days: number(e.days, 0),
                word: plural(Math.round(e.days), t('card.unit.days'), lang),
                from: date(e.from),
                to: date(e.to),
              }),
            };
          case 'missing':
            return { text: known(`card.ev.missing.${e.name}`) ?? t('card.ev.missing.other') };
          case 'field': {
            const value = typeof e.value === 'string' ? isoDate(e.value) : String(e.value ?? '—');
            if (e.name === 'description_length')
              return {
                text: t('card.ev.field.description_length', {
                  n: value,
                  word: plural(Number(e.value), t('card.unit.chars'), lang),
                }),
              };
            if (e.name === 'last_post') return { text: t('card.ev.field.last_post', { date: value }) };
            return {
              text: known(`card.ev.field.${e.name}`, { value }) ?? t('card.ev.field.other', { value }),
            };
          }
          default:
            return { text: '' };
        }
      })
      .filter((line) => line.text !== '');

  /** A translation when the catalog has the key; null when it has not (i18next returns the key itself). */
  function known(key: string, options?: Record<string, unknown>): string | null {
    const text = t(key, options);
    return text === key ? null : text;
  }

  /** A post's note as words: a code ("comments_closed"), hours ("30.5 h"), a kind with a quote, or a quote. */
  function noteText(note: string): string {
    const code = known(`card.ev.${note}`);
    if (code && /^[a-z_]+$/.test(note)) return code;
    const hours = /^([\d.]+) h$/.exec(note);
    if (hours) return t('card.ev.hours', { n: number(Number(hours[1])) });
    const kind = /^([a-z_]+): (.*)$/s.exec(note);
    if (kind?.[1] && kind[2] !== undefined)
      return `${known(`card.ev.kind.${kind[1]}`) ?? t('card.ev.kind.other')} ${t('card.ev.quote', { text: kind[2] })}`;
    return t('card.ev.quote', { text: note });
  }

  const item = (r: Rule): CardItem => {
    const m = meta.get(r.id);
    const gain = gainOf(r);
    const rounded = Math.round(gain);
    const statusKey = ['pass', 'warn', 'fail', 'manual', 'na'].includes(r.status) ? r.status : 'unknown';
    return {
      id: r.id,
      name: r.name,
      status: statusKey,
      statusText: t(`card.status.${statusKey}`),
      value: valueText(r),
      percentile: percentileOf(r),
      evidence: evidenceOf(r),
      advice: advice.get(r.id) ?? null,
      howTo: m?.help ?? '',
      why: m?.rationale ?? '',
      gain,
      gainText:
        rounded >= 1
          ? t('card.gain', { points: rounded, word: plural(rounded, t('card.points'), lang) })
          : t('card.lessThanPoint'),
      effort: m?.effort ? t(`card.effort.${m.effort}`) : null,
      priority: gain / (EFFORT_COST[m?.effort ?? 'medium'] ?? 4),
      check: r.check ?? null,
      sourceText: r.source?.text ?? null,
      unknownText: r.unknown?.text ?? null,
    };
  };

  const items = report.rules.map((r) => ({ r, item: item(r) }));
  const todo = items
    .filter(({ r }) => r.status === 'fail' || r.status === 'warn')
    .sort((a, b) => b.item.priority - a.item.priority || b.item.gain - a.item.gain)
    .map(({ item }) => item);
  return {
    todo,
    manual: items.filter(({ r }) => r.status === 'manual' && !r.check).map(({ item }) => item),
    checks: items.filter(({ r }) => r.check).map(({ item }) => item),
    done: items.filter(({ r }) => r.status === 'pass').map(({ item }) => item),
    notJudged: items
      .filter(({ r }) => !['pass', 'warn', 'fail', 'manual'].includes(r.status))
      .map(({ item }) => item),
    history: [...card.history]
      .sort((a, b) => a.periodEnd - b.periodEnd)
      .map((h) => ({ periodEnd: h.periodEnd, score: h.score })),
  };
}
