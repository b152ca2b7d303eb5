// The certificate of attendance as one A4 page of HTML for Chromium's print: the institution, the seminar,
// its date in the seminar's time zone, the programme, the organiser, and the code with the address where
// anyone can check it.

import { escapeHtml as esc } from '../platform/html.ts';
import type { Lang } from '../platform/i18n.ts';
import { translator } from '../platform/i18n.ts';

const messages = {
  heading: { ru: 'Сертификат', en: 'Certificate' },
  lead: { ru: 'подтверждает, что', en: 'certifies that' },
  attended: {
    ru: 'прошло обучение на семинаре',
    en: 'took part in the seminar',
  },
  held: { ru: 'Дата проведения: {date}', en: 'Held on {date}' },
  programme: { ru: 'Программа', en: 'Programme' },
  organiser: { ru: 'Организатор: {organiser}', en: 'Organiser: {organiser}' },
  trainers: { ru: 'Ведущие: {trainers}', en: 'Trainers: {trainers}' },
  code: { ru: 'Код проверки: {code}', en: 'Verification code: {code}' },
  check: { ru: 'Проверить подлинность: {url}', en: 'Check it at {url}' },
  footer: { ru: 'Publica — сертификат участника семинара', en: 'Publica — seminar certificate' },
} as const;

export const certificateMessages = messages;

export type CertificateFacts = {
  institution: string;
  title: string;
  organiser: string;
  trainers: string[];
  programme: string[];
  startsAt: number;
  timezone: string;
  code: string;
  verifyUrl: string;
};

export function certificateHtml(facts: CertificateFacts, lang: Lang): string {
  const t = translator(messages, lang);
  const date = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: facts.timezone,
  }).format(new Date(facts.startsAt * 1000));
  const programme = facts.programme.map((p) => `<li>${esc(p)}</li>`).join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
  body { font-family: 'PT Sans', 'DejaVu Sans', Arial, sans-serif; color: #1d1d22; margin: 0; }
  .frame { border: 3px double #2b5f9e; padding: 18mm 16mm; min-height: 230mm; box-sizing: border-box; }
  h1 { font-size: 30pt; letter-spacing: 0.08em; text-transform: uppercase; color: #2b5f9e; margin: 0 0 10mm; text-align: center; }
  .lead, .attended { text-align: center; font-size: 12pt; margin: 4mm 0; }
  .institution { text-align: center; font-size: 17pt; font-weight: bold; margin: 6mm 0; }
  .title { text-align: center; font-size: 16pt; margin: 6mm 0 10mm; }
  .meta { font-size: 11pt; margin: 2mm 0; }
  .code { margin-top: 14mm; font-size: 11pt; border-top: 1px solid #b8c2cc; padding-top: 4mm; }
</style></head><body><div class="frame">
<h1>${t('heading')}</h1>
<p class="lead">${t('lead')}</p>
<p class="institution">${esc(facts.institution)}</p>
<p class="attended">${t('attended')}</p>
<p class="title">«${esc(facts.title)}»</p>
<p class="meta">${esc(t('held', { date }))}</p>
<p class="meta">${esc(t('organiser', { organiser: facts.organiser }))}</p>
${facts.trainers.length ? `<p class="meta">${esc(t('trainers', { trainers: facts.trainers.join(', ') }))}</p>` : ''}
${programme ? `<p class="meta">${t('programme')}:</p><ul>${programme}</ul>` : ''}
<div class="code"><p>${esc(t('code', { code: facts.code }))}</p><p>${esc(t('check', { url: facts.verifyUrl }))}</p></div>
</div></body></html>`;
}
