// The commands, for the composition root to wire.

export { registerAudit } from './audit.command.ts';
export { registerCalendar } from './calendar.command.ts';
export { cliMessages } from './cli.messages.ts';
export { registerCollect } from './collect.command.ts';
export { type CliContext, createContext, type GlobalOptions } from './context.ts';
export { registerDb } from './db.command.ts';
export { registerImport } from './import.command.ts';
export { registerJobs } from './jobs.command.ts';
export { registerMethodology } from './methodology.command.ts';
export { registerReport } from './report.command.ts';
export { type RoleBuilders, registerServe, serveRoles } from './serve.command.ts';
export { registerStart } from './start.command.ts';
export { registerStatus } from './status.command.ts';
export { registerUser } from './user.command.ts';
export { registerVk } from './vk.command.ts';
export { parseTokenSpecs, registerVkSim } from './vk-sim.command.ts';
export { registerVkToken } from './vk-token.command.ts';
export { registerWorld } from './world.command.ts';
