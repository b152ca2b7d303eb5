// The simulated OK and MAX: their demo-world pages and the servers that speak each network's protocol.
export { buildMaxSim, type MaxSim, type MaxSimBot } from './max-sim.server.ts';
export { type NetFault, type NetFaults, scriptedFaults } from './net-faults.ts';
export * from './net-world.ts';
export { buildOkSim, type OkSim, type OkSimToken } from './ok-sim.server.ts';
export { smallInstitutions, smallNetWorld } from './test-world.ts';
