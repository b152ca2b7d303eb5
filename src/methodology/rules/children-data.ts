// No personal data of children in the page's posts: full names with a class, phone numbers, e-mails [D].
// Whether photos of children have their parents' consent needs a person; that part stays a note.
import { z } from 'zod';
import { findPersonalData } from '../text/personal-data.ts';
import { notReadable, unreadable } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'children-data',
  requires: ['posts'],
  vars: { pass: ['count'], fail: ['count'] },
  params: z.object({}),
  evaluate(a) {
    if (unreadable(a)) return notReadable;
    const findings = a.posts.flatMap((p) =>
      findPersonalData(p.text)
        .filter((m) => m.kind !== 'email')
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
