// No personal data of children in the page's posts: full names with a class, phone numbers, e-mails [D].
// A phone is a child's data only when nothing marks it as the institution's contact: the page's own numbers and
// phones announced as contacts ("запись по телефону 8 912 …", "справки по телефону") are not, unless a child is
// named beside them ("телефон мамы ученика 5Б"). Whether photos of children have their parents' consent needs a
// person; that part stays a note.
import { z } from 'zod';
import type { PageArtifacts } from '../artifacts.ts';
import { findPersonalData } from '../text/personal-data.ts';
import { notReadable, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

const CONTACT =
  /(по\s+телефон|звон|справк|запис|тел\.|телефон\s+(для|приёмн|школ|сада|учрежд)|контакт|обращ|при[её]мн|горяч|консультац|call|phone\s+us)/iu;
const CHILD = /(учени|ребён|ребен|дет(ей|и)\b|доч|сын|мам|пап|родител|\d{1,2}\s?[«"]?[А-Я][»"]?\s?класс)/iu;

const digits = (s: string) => s.replace(/\D/g, '').slice(-10);

/** The page's own numbers: its contacts block, main phone and description. */
function ownPhones(a: PageArtifacts): Set<string> {
  const p = a.profile;
  if (!p) return new Set();
  const texts = [p.phone ?? '', p.description, ...p.contacts.map((c) => c.phone ?? '')];
  const found = texts.flatMap((t) => t.match(/[+\d][\d\s()-]{9,}\d/g) ?? []).map(digits);
  return new Set(found.filter((d) => d.length === 10));
}

export default defineRule({
  id: 'children-data',
  requires: ['posts'],
  vars: { pass: ['count'], fail: ['count'] },
  params: z.object({}),
  evaluate(a) {
    if (unreadable(a)) return notReadable;
    const own = ownPhones(a);
    const findings = a.posts.flatMap((p) =>
      findPersonalData(p.text)
        .filter((m) => m.kind !== 'email')
        .filter((m) => {
          if (m.kind !== 'phone') return true;
          if (own.has(digits(m.text))) return false;
          const before = p.text.slice(Math.max(0, m.start - 60), m.start);
          return CHILD.test(before) || !CONTACT.test(before);
        })
        .map((m) => ({ type: 'post' as const, id: p.vkId, date: p.postedAt, note: `${m.kind}: ${m.text}` })),
    );
    return {
      status: findings.length === 0 ? 'pass' : 'fail',
      value: findings.length,
      evidence: findings.slice(0, 10),
      vars: { count: findings.length },
    };
  },
});
