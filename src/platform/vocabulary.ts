// Vocabularies written once: the server's zod enums, the database's types and the web app's lists derive from
// these arrays.

/** The kinds of institution the registry knows, in the order lists show them. */
export const INSTITUTION_KINDS = ['school', 'kindergarten', 'college', 'additional'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
