import { describe, expect, it } from 'vitest';
import { ctx, page, post, profile, regularPosts } from '../../../test/artifacts.ts';
import { loadVersion } from '../methodology.loader.ts';
import { rules } from './index.ts';

const version = loadVersion('2023.1');
const paramsOf = (id: string) => version.rules.find((r) => r.id === id)?.params ?? {};

describe('every rule of 2023.1', () => {
  const cases = {
    'an empty page': page(),
    'a page with reposts only': page({ posts: regularPosts(3, { isRepost: true, text: '' }) }),
    'a closed page': page({ profile: profile({ isClosed: 1 }), posts: [post(2)] }),
    'a deleted page': page({ profile: profile({ deactivated: 'deleted' }) }),
    'a page without a profile snapshot': page({ profile: null }),
    'a page created mid-period': page({ lastPostBefore: null, posts: [post(4), post(2), post(1)] }),
  };

  for (const [name, artifacts] of Object.entries(cases)) {
    it(`gives a valid result for ${name}`, () => {
      for (const rule of rules.values()) {
        const result = rule.evaluate(artifacts, paramsOf(rule.id) as never, ctx());
        expect(['pass', 'fail', 'warn', 'na', 'unknown'], rule.id).toContain(result.status);
        if (result.value !== null) expect(Number.isFinite(result.value), rule.id).toBe(true);
      }
    });
  }

  it('says nothing of content on a closed or deleted page (only identity and manual checks speak)', () => {
    for (const artifacts of [cases['a closed page'], cases['a deleted page']]) {
      for (const id of ['posting-frequency', 'polls', 'er-views', 'answer-rate', 'no-obscenity']) {
        const rule = rules.get(id);
        expect(rule?.evaluate(artifacts, paramsOf(id) as never, ctx()).status, id).toBe('na');
      }
    }
  });
});
