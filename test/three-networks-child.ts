// `node --import tsx test/three-networks-child.ts <db url> <run as JSON>`: one collection of VK, OK and MAX in
// its own process (PUBLICA_CRASH_AT kills it where the test says); prints what each network's run did.
import { openDb } from '../src/platform/db.ts';
import { collectThree, type ThreeNetworks } from './three-networks.ts';

const [url, json] = process.argv.slice(2) as [string, string];
const db = openDb(url);
const got = await collectThree(db, JSON.parse(json) as ThreeNetworks);
process.stdout.write(`${JSON.stringify(got)}\n`);
await db.close();
