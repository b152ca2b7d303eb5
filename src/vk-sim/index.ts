// The simulated VK feature's public face: the demo world and the walls that grow from it.

export type { Faults } from './server/faults.ts';
export type { TokenKind, TokenSpec } from './server/tokens.ts';
export { commentObject, groupObject, postObject } from './server/vk-objects.ts';
export { buildVkSim, type VkSim, type VkSimOptions } from './server/vk-sim.server.ts';
export { COMMUNITY_ID_BASE, type GeneratedWorld, generateWorld } from './world/generate-world.ts';
export { MINISTRY_OWNER_ID, seasonFactor, wallOf, worldEnd } from './world/wall.ts';
export type * from './world/world.types.ts';
export {
  type LoadedWorld,
  readWorld,
  WORLD_FILES,
  type WorldNetUrls,
  writeWorld,
} from './world/world-files.ts';
