/** Team roles: admins set Tandem up and manage the team; members work the records. */
export const ROLES = ["admin", "member"] as const;
export type TRole = (typeof ROLES)[number];
