// No advertising: posts marked as ads, or promoting commercial offers [L].
import { z } from 'zod';
import { localDate, notReadable, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export const COMMERCIAL =
  /(купите|купить со скидкой|скидк[аиу] \d|распродаж|промокод|заработ(?:ок|ай) от|кредит(?:ы|ов)? (?:онлайн|без)|казино|ставки на спорт)/i;

export default defineRule({
  id: 'no-ads',
  requires: ['posts'],
  vars: { pass: ['count', 'date'], fail: ['count', 'date'] },
  params: z.object({}),
  evaluate(a, _p, ctx) {
    if (unreadable(a)) return notReadable;
    const ads = a.posts.filter((p) => p.isAd || COMMERCIAL.test(p.text));
    return {
      status: ads.length === 0 ? 'pass' : 'fail',
      value: ads.length,
      evidence: ads.slice(-5).map((p) => ({
        type: 'post' as const,
        id: p.vkId,
        date: p.postedAt,
        note: p.isAd ? 'marked_as_ads' : 'commercial',
      })),
      vars: { count: ads.length, date: ads[0] ? localDate(ads[0].postedAt, ctx.period.timezone) : '—' },
    };
  },
});
