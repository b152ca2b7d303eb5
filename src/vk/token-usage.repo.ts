// SQL of VK token usage: calls per token, method and UTC day.
import type { Db } from '../platform/db.ts';

/** The day's calls of the given tokens (all when not given). */
export async function loadUsage(db: Db, day: number, tokenKeys?: string[]): Promise<Map<string, number>> {
  let query = db.kysely
    .selectFrom('vk_token_usage')
    .select(['token_key', 'method', 'calls'])
    .where('day', '=', day);
  if (tokenKeys) query = query.where('token_key', 'in', tokenKeys.length ? tokenKeys : ['']);
  const rows = await query.execute();
  return new Map(rows.map((r) => [`${r.token_key}|${r.method}`, r.calls]));
}

export async function saveUsage(db: Db, day: number, usage: Map<string, number>): Promise<void> {
  const rows = [...usage].map(([key, calls]) => {
    const [token_key = '', method = ''] = key.split('|');
    return { token_key, method, day, calls };
  });
  for (const row of rows) {
    await db.kysely
      .insertInto('vk_token_usage')
      .values(row)
      .onConflict((oc) => oc.columns(['token_key', 'method', 'day']).doUpdateSet({ calls: row.calls }))
      .execute();
  }
}
