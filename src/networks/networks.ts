// Every network Publica knows, by id: adding one is its port and one row here.

import { maxPort } from './max/max.port.ts';
import type { NetworkId } from './model.ts';
import { okPort } from './ok/ok.port.ts';
import type { NetworkPort } from './port.ts';
import { vkPort } from './vk/vk.port.ts';

export const NETWORKS: Readonly<Record<NetworkId, NetworkPort>> = { vk: vkPort, ok: okPort, max: maxPort };

export function networkOf(id: NetworkId): NetworkPort {
  return NETWORKS[id];
}

/** The networks the law requires a page on (government order 2523-р: VK and OK). */
export function requiredNetworks(): NetworkId[] {
  return Object.values(NETWORKS)
    .filter((n) => n.presence === 'required')
    .map((n) => n.id);
}
