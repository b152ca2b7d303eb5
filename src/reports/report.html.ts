// A unit report as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched): shown in the
// browser, and printed to PDF by Chromium with the methodology version and period on every page.

import { escapeHtml as esc } from '../platform/html.ts';
import { type Lang, translator } from '../platform/i18n.ts';
import { reportMessages } from './report.messages.ts';
import { rateColor, rateHue } from './report-colors.ts';
import type { UnitReport } from './unit-report.service.ts';

export function reportDate(seconds: number, lang: Lang): string {
  return new Date(seconds * 1000).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** The line under the title and on every PDF page: methodology, period, run. */
export function reportStamp(report: UnitReport, lang: Lang): string {
  const t = translator(reportMessages, lang);
  if (!report.run) return t('noRun');
  return [
    t('methodology', { version: report.run.version }),
    t('period', {
      from: reportDate(report.run.periodStart, lang),
      // The period's end is exclusive: the last day is the one before it.
      to: reportDate(report.run.periodEnd - 1, lang),
    }),
    t('run', { id: report.run.id }),
  ].join(' · ');
}

const locale = (lang: Lang) => (lang === 'ru' ? 'ru-RU' : 'en-GB');

/** A count or a score as the reader writes it: "1 457", "64,7" in Russian; "1,457", "64.7" in English. */
/**
 * A big region's heatmap has thousands of cells: each names a colour class (one rule per hue used, in the
 * section's style) rather than carrying its own style, which halves the markup Chromium lays out.
 */
function heatmapRows(rows: UnitReport['heatmap']['rows'], lang: Lang): { rows: string; style: string } {
  const hues = new Map<number, string>();
  const cell = (v: number) => {
    const hue = rateHue(v);
    if (!hues.has(hue)) hues.set(hue, `table.heat td.h${hue}{background:${rateColor(v)}}`);
    return `<td class="h${hue}">${Math.round(v * 100)}</td>`;
  };
  const html = rows
    .map(
      (row) =>
        `<tr><th>${esc(row.name[lang])}</th>${row.rates
          .map((v) => (v === null ? '<td class="na">—</td>' : cell(v)))
          .join('')}</tr>`,
    )
    .join('');
  return { rows: html, style: [...hues.values()].join('') };
}

export function reportNumber(v: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(v);
}

const signedNumber = (v: number, lang: Lang) =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);
const percent = (v: number | null, lang: Lang) =>
  v === null
    ? '—'
    : new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(v);

export async function renderReportHtml(report: UnitReport, lang: Lang): Promise<string> {
  const t = translator(reportMessages, lang);
  const { levelsChart, trendChart } = await import('./report-charts.ts');
  const num = (v: number | null) => (v === null ? '—' : reportNumber(v, lang));
  const pct = (v: number | null) => percent(v, lang);
  const signed = (v: number) => signedNumber(v, lang);
  const name = report.unit.name[lang];
  const s = report.summary;
  const levelRows = report.levels.map((l) => ({
    id: l.id,
    title: l.title[lang],
    color: l.color,
    count: s.levels[l.id] ?? 0,
  }));
  const body = report.run
    ? [summary(), trend(), children(), heatmap(), movers(), unanswered(), dialogue()].join('\n')
    : `<p class="empty">${esc(t('noRun'))}</p>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<title>${esc(t('title'))}: ${esc(name)}</title>
<style>${CSS}</style></head>
<body>
<header class="cover">
  <p class="brand">Publica · ${esc(t('title'))}</p>
  <h1>${esc(name)}</h1>
  <p class="stamp">${esc(reportStamp(report, lang))} · ${esc(t('generated', { date: reportDate(report.generatedAt, lang) }))}</p>
</header>
${body}
</body></html>`;

  function summary() {
    const tiles: [string, string][] = [
      [t('institutions'), num(s.institutions)],
      [t('withPage'), num(s.withPage)],
      [t('audited'), num(s.audited)],
      [t('meanScore'), num(s.meanScore)],
      [t('coverage'), pct(s.coverage)],
    ];
    const rows = levelRows
      .map(
        (l) =>
          `<tr><td><span class="dot" style="background:${l.color}"></span>${esc(l.title)}</td><td class="n">${num(l.count)}</td><td class="n">${s.audited ? pct(l.count / s.audited) : '—'}</td></tr>`,
      )
      .join('');
    return `<section><h2>${esc(t('summary'))}</h2>
<div class="tiles">${tiles.map(([k, v]) => `<div class="tile"><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`).join('')}</div>
<div class="two"><figure>${levelsChart(levelRows, num)}</figure>
<table><thead><tr><th>${esc(t('level'))}</th><th class="n">${esc(t('pages'))}</th><th class="n">${esc(t('share'))}</th></tr></thead><tbody>${rows}</tbody></table></div>
</section>`;
  }

  function trend() {
    if (report.trend.length < 2)
      return `<section><h2>${esc(t('trend'))}</h2><p class="empty">${esc(t('trendNone'))}</p></section>`;
    const points = report.trend.map((p) => ({
      label: reportDate(p.periodEnd - 1, lang),
      value: p.meanScore,
    }));
    return `<section><h2>${esc(t('trend'))}</h2><figure>${trendChart(points, num)}</figure></section>`;
  }

  function children() {
    if (report.children.length === 0) return '';
    const title = report.unit.level === 'country' ? t('childrenRegion') : t('childrenMunicipality');
    const head = [t('name'), t('institutions'), t('withPage'), t('audited'), t('meanScore'), t('coverage')];
    const rows = report.children
      .map(
        (c) =>
          `<tr><td>${esc(lang === 'ru' ? c.nameRu : c.nameEn)}</td><td class="n">${num(c.institutions)}</td><td class="n">${num(c.withPage)}</td><td class="n">${num(c.audited)}</td><td class="n">${num(c.meanScore)}</td><td class="n">${pct(c.coverage)}</td></tr>`,
      )
      .join('');
    return `<section class="break"><h2>${esc(title)}</h2><table class="wide"><thead><tr>${head.map((h, i) => `<th${i ? ' class="n"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`;
  }

  function heatmap() {
    const h = report.heatmap;
    if (h.rows.length === 0) return '';
    const by = {
      region: t('heatmapRegion'),
      municipality: t('heatmapMunicipality'),
      kind: t('heatmapKind'),
      page: t('heatmapPage'),
    }[h.by];
    const head = h.rules
      .map((r, i) => `<th class="rule" title="${esc(r.title[lang])}">${i + 1}</th>`)
      .join('');
    const { rows, style } = heatmapRows(h.rows, lang);
    const legend = h.rules.map((r, i) => `<li><b>${i + 1}</b> ${esc(r.title[lang])}</li>`).join('');
    return `<section class="break"><style>${style}</style><h2>${esc(t('heatmap'))}</h2><p class="note">${esc(t('heatmapNote'))}</p>
<table class="heat"><thead><tr><th>${esc(by)}</th>${head}</tr></thead><tbody>${rows}</tbody></table>
<h3>${esc(t('rules'))}</h3><ol class="legend">${legend}</ol></section>`;
  }

  function moverTable(title: string, list: UnitReport['movers']['up']) {
    const level = (id: string) => report.levels.find((l) => l.id === id)?.title[lang] ?? id;
    const rows = list
      .map(
        (m) =>
          `<tr><td>${esc(m.institution ?? '—')}<div class="url">${esc(m.url)}</div></td><td class="n">${num(m.before)} <small>${esc(level(m.levelBefore))}</small></td><td class="n">${num(m.after)} <small>${esc(level(m.levelAfter))}</small></td><td class="n">${signed(m.after - m.before)}</td></tr>`,
      )
      .join('');
    return `<h3>${esc(title)}</h3>${list.length ? `<table class="wide"><thead><tr><th>${esc(t('institution'))}</th><th class="n">${esc(t('before'))}</th><th class="n">${esc(t('after'))}</th><th class="n">${esc(t('change'))}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p class="empty">${esc(t('none'))}</p>`}`;
  }

  function movers() {
    if (!report.previous)
      return `<section><h2>${esc(t('movers'))}</h2><p class="empty">${esc(t('moversNone'))}</p></section>`;
    return `<section class="break"><h2>${esc(t('movers'))}</h2>${moverTable(t('up'), report.movers.up)}${moverTable(t('down'), report.movers.down)}</section>`;
  }

  function unanswered() {
    if (report.unanswered.length === 0)
      return `<section><h2>${esc(t('unanswered'))}</h2><p class="empty">${esc(t('unansweredNone'))}</p></section>`;
    const rows = report.unanswered
      .map(
        (u) =>
          `<tr><td>${esc(u.institution ?? '—')}<div class="url">${esc(u.url)}</div></td><td class="n">${num(u.questions)}</td><td class="n">${num(u.unanswered)}</td><td class="n">${esc(u.oldest ?? '—')}</td></tr>`,
      )
      .join('');
    return `<section><h2>${esc(t('unanswered'))}</h2><table class="wide"><thead><tr><th>${esc(t('institution'))}</th><th class="n">${esc(t('questions'))}</th><th class="n">${esc(t('noAnswer'))}</th><th class="n">${esc(t('oldest'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  }
  function dialogue() {
    const d = report.dialogue;
    const rows = (
      [
        [t('dialogueTotal'), d.total],
        [t('dialogueComments'), d.comments],
        [t('dialogueMessages'), d.messages],
      ] as const
    )
      .map(
        ([name, m]) =>
          `<tr><td>${esc(name)}</td><td class="n">${num(m.questions)}</td><td class="n">${num(m.answered)}</td><td class="n">${num(m.medianHours)}</td><td class="n">${num(m.p90Hours)}</td><td class="n">${esc(pct(m.withinDeadline))}</td><td class="n">${num(m.overdue)}</td></tr>`,
      )
      .join('');
    const head = [
      t('questions'),
      t('answered'),
      t('medianHours'),
      t('p90Hours'),
      t('withinDeadline'),
      t('overdue'),
    ]
      .map((h) => `<th class="n">${esc(h)}</th>`)
      .join('');
    return `<section id="dialogue"><h2>${esc(t('dialogue'))}</h2><p class="note">${esc(t('dialogueNote'))}</p><table class="wide"><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
  }
}

const CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
body { font-family: 'PT Sans', 'DejaVu Sans', Arial, sans-serif; color: #1b1b1f; font-size: 10.5pt; margin: 0 auto; max-width: 1000px; padding: 0 8px; }
.cover { border-bottom: 3px solid #2a5885; margin-bottom: 14px; }
.brand { color: #2a5885; font-weight: bold; margin: 8px 0 0; letter-spacing: .02em; }
h1 { font-size: 20pt; margin: 4px 0; }
h2 { font-size: 14pt; color: #2a5885; margin: 18px 0 8px; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12px 0 6px; break-after: avoid; }
.stamp, .note { color: #4a4a52; margin: 4px 0 10px; }
.tiles { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 10px; }
.tile { border: 1px solid #d5d9e0; border-radius: 6px; padding: 8px 10px; min-width: 120px; flex: 1; }
.tile .v { font-size: 17pt; font-weight: bold; }
.tile .k { color: #4a4a52; font-size: 9pt; }
.two { display: flex; gap: 12px; align-items: flex-start; flex-wrap: wrap; }
figure { margin: 0; }
table { border-collapse: collapse; margin: 4px 0 10px; }
table.wide { width: 100%; }
th, td { border-bottom: 1px solid #e3e6ea; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f3f7; font-weight: bold; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.n { text-align: right; white-space: nowrap; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; }
.url { color: #4a4a52; font-size: 8.5pt; word-break: break-all; }
small { color: #4a4a52; }
table.heat { font-size: 8pt; }
table.heat th.rule { text-align: center; min-width: 22px; }
table.heat td { text-align: center; padding: 2px 3px; }
table.heat td.na { color: #8a8a92; }
table.heat tbody th { background: none; font-weight: normal; white-space: nowrap; }
ol.legend { columns: 2; font-size: 8.5pt; padding-left: 0; list-style: none; }
ol.legend li { break-inside: avoid; margin-bottom: 2px; }
.empty { color: #4a4a52; font-style: italic; }
@media print { .break { break-before: page; } body { max-width: none; } }
`;
