// Roles → permissions, as data. A role also fixes the level of the scope its users hold: a regional operator's
// scope is a region, a page admin's an institution. Read-only variants carry only the reading permissions.
import type { Role } from '../platform/db-schema.ts';
import type { ScopeLevel } from '../platform/scope.ts';

export const PERMISSIONS = [
  'data.read',
  'comments.read',
  'comments.answer',
  'registry.import',
  'users.read',
  'users.manage',
  'audit_log.read',
  'tokens.manage',
  'methodology.read',
  'seminars.manage',
  'seminars.enrol',
  'drafts.manage',
  'drafts.propose',
  'planner.use',
  'facts.record',
  'methodology.choose',
  'methodology.edit',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['data.read', 'comments.read', 'methodology.read', 'tokens.manage'];
const ADMIN: Permission[] = [
  ...READ,
  'comments.answer',
  'users.read',
  'users.manage',
  'registry.import',
  'seminars.manage',
  'seminars.enrol',
  'drafts.manage',
  'planner.use',
  // Manual checks of a page's facts (widgets, Госпаблики connection, backlink…) and the region's export.
  'facts.record',
];

export const ROLES: Record<Role, { level: ScopeLevel; permissions: readonly Permission[] }> = {
  // Which methodology version a region is judged by: the region's own admin or the federal one.
  federal: { level: 'country', permissions: [...ADMIN, 'audit_log.read', 'methodology.choose'] },
  federal_viewer: { level: 'country', permissions: READ },
  region: { level: 'region', permissions: [...ADMIN, 'audit_log.read', 'methodology.choose'] },
  region_viewer: { level: 'region', permissions: READ },
  municipality: { level: 'municipality', permissions: ADMIN },
  municipality_viewer: { level: 'municipality', permissions: READ },
  // The page admin answers the page's comments.
  institution: {
    level: 'institution',
    permissions: [
      ...READ,
      'comments.answer',
      'seminars.enrol',
      'drafts.manage',
      'planner.use',
      'facts.record',
    ],
  },
  institution_viewer: {
    level: 'institution',
    permissions: ['data.read', 'methodology.read', 'tokens.manage'],
  },
  // Trainers plan seminars for a region's admins: they see pages and scores, not citizens' comments.
  trainer: {
    level: 'region',
    permissions: ['data.read', 'methodology.read', 'tokens.manage', 'seminars.manage'],
  },
  // Pupils and teachers a page admin invited: they propose drafts for the page, and see nothing else.
  contributor: { level: 'institution', permissions: ['drafts.propose', 'planner.use'] },
  // The methodologist forks versions, edits parameters and texts, previews them on the country's current data,
  // publishes them and re-audits under them; reads pages and scores, not citizens' comments.
  methodologist: {
    level: 'country',
    permissions: ['data.read', 'methodology.read', 'tokens.manage', 'methodology.edit'],
  },
};

export const ROLE_IDS = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

export function permissionsOf(role: Role): ReadonlySet<string> {
  return new Set(ROLES[role].permissions);
}
