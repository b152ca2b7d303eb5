// Postal address, phone and e-mail are on the page: in the addresses block, the contacts or the description [R][S].
import { z } from 'zod';
import type { Evidence } from '../artifacts.ts';
import { defineRule } from './rule.ts';

export const PHONE = /(?:\+7|\b8)[\s(-]*\d{3,5}[\s)-]*\d{1,3}[\s-]*\d{2}[\s-]*\d{2}\b/;
export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const POSTAL = /(ул\.|улица|пр-т|проспект|пер\.|переулок|д\.\s*\d|\b\d{6}\b|адрес)/i;

export default defineRule({
  id: 'contacts',
  requires: ['profile'],
  canWarn: true,
  vars: { pass: ['missing'], warn: ['missing'], fail: ['missing'] },
  params: z.object({}),
  evaluate(a) {
    const p = a.profile;
    if (!p) return { status: 'na', value: null, evidence: [] };
    const found = {
      address: !!p.address?.address || POSTAL.test(p.description),
      phone: p.contacts.some((c) => !!c.phone) || PHONE.test(p.description),
      email: p.contacts.some((c) => !!c.email) || EMAIL.test(p.description),
    };
    const missing = Object.entries(found)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    const evidence: Evidence[] = missing.map((name) => ({ type: 'missing', name }));
    const count = 3 - missing.length;
    return {
      status: count === 3 ? 'pass' : count > 0 ? 'warn' : 'fail',
      value: count,
      evidence,
      vars: { missing: missing.join(', ') },
    };
  },
});
