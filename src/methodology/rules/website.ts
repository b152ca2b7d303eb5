// The page links to the official website, of the same domain as the registry's website when known [R].
import { z } from 'zod';
import { defineRule } from './rule.ts';

const URL_IN_TEXT = /https?:\/\/[^\s,;)]+|\b[\w-]+(?:\.[\w-]+)*\.(?:ru|рф|su|org|com|edu\.ru)\b/i;

export function domainOf(url: string): string | null {
  try {
    const host = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
    return host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export default defineRule({
  id: 'website',
  requires: ['profile', 'institution'],
  canWarn: true,
  vars: { warn: ['site', 'registrySite'] },
  params: z.object({}),
  evaluate(a) {
    const p = a.profile;
    if (!p) return { status: 'na', value: null, evidence: [] };
    const link = p.site ?? URL_IN_TEXT.exec(p.description)?.[0] ?? null;
    if (!link) return { status: 'fail', value: 0, evidence: [{ type: 'missing', name: 'site' }] };
    const registry = a.institution?.website ? domainOf(a.institution.website) : null;
    const page = domainOf(link);
    if (registry && page !== registry)
      return {
        status: 'warn',
        value: 0.5,
        evidence: [
          { type: 'field', name: 'site', value: link },
          { type: 'field', name: 'registry_site', value: a.institution?.website ?? null },
        ],
        vars: { site: link, registrySite: a.institution?.website ?? '' },
      };
    return { status: 'pass', value: 1, evidence: [{ type: 'field', name: 'site', value: link }] };
  },
});
