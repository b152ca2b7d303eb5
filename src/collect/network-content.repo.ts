// SQL of what the other networks' collectors (OK, MAX) store in collect's tables beside VK's: profiles as
// snapshots, posts and comments upserted by (page, the network's numeric id), so a run resumed after a crash
// writes each row once. networks maps its model to these rows; only collect writes the tables.
import type { Insertable } from 'kysely';
import { chunked, type Db } from '../platform/db.ts';
import type { CommentTable, PageSnapshotTable, PostTable } from '../platform/db-schema.ts';

const CHUNK = 200;

export async function insertNetworkSnapshotRow(db: Db, row: Insertable<PageSnapshotTable>): Promise<void> {
  await db.kysely.insertInto('page_snapshots').values(row).execute();
}

/** Posts, their counters and text refreshed when the post is already stored. */
export async function upsertNetworkPostRows(db: Db, rows: Insertable<PostTable>[]): Promise<void> {
  for (const chunk of chunked(rows, CHUNK))
    await db.kysely
      .insertInto('posts')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['page_id', 'vk_id']).doUpdateSet((eb) => ({
          likes: eb.ref('excluded.likes'),
          comments: eb.ref('excluded.comments'),
          reposts: eb.ref('excluded.reposts'),
          views: eb.ref('excluded.views'),
          text: eb.ref('excluded.text'),
          collected_at: eb.ref('excluded.collected_at'),
        })),
      )
      .execute();
}

/** Comments, their text refreshed when the comment is already stored. */
export async function upsertNetworkCommentRows(db: Db, rows: Insertable<CommentTable>[]): Promise<void> {
  for (const chunk of chunked(rows, CHUNK))
    await db.kysely
      .insertInto('comments')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['page_id', 'vk_id']).doUpdateSet((eb) => ({
          text: eb.ref('excluded.text'),
          collected_at: eb.ref('excluded.collected_at'),
        })),
      )
      .execute();
}
