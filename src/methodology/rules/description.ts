// The description tells what the institution does, in at least `minLength` characters [R][S].
import { z } from 'zod';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'description',
  requires: ['profile'],
  value: { min: 0, max: 2000, threshold: 'minLength' },
  canWarn: true,
  vars: { pass: ['length'], warn: ['length'], fail: ['length'] },
  params: z.object({ minLength: z.number().int().min(1) }),
  evaluate(a, params) {
    if (!a.profile) return { status: 'na', value: null, evidence: [] };
    const length = a.profile.description.trim().length;
    const status = length >= params.minLength ? 'pass' : length > 0 ? 'warn' : 'fail';
    return {
      status,
      value: length,
      evidence: [{ type: 'field', name: 'description_length', value: length }],
      vars: { length },
    };
  },
});
