/** Short names for the settings area's API shapes, all from the generated schema. */
import type { components } from "@/api/schema.gen";

type Schemas = components["schemas"];

export type AccessExplanation = Schemas["AccessExplanation"];
export type AccessGrant = Schemas["AccessGrant"];
export type ApiKeyInfo = Schemas["ApiKeyInfo"];
export type ApiKeyWithSecret = Schemas["ApiKeyWithSecret"];
export type AuditEvent = Schemas["AuditEvent"];
export type AuditEventPage = Schemas["AuditEventPage"];
export type EffectivePermissions = Schemas["EffectivePermissions"];
export type Project = Schemas["Project"];
export type ProjectAccess = Schemas["ProjectAccess"];
export type ProjectMember = Schemas["ProjectMember"];
export type PrincipalKind = Schemas["PrincipalKind"];
export type Role = Schemas["Role"];
export type ServerRole = Schemas["ServerRole"];
export type ServiceAccountInfo = Schemas["ServiceAccountInfo"];
export type Team = Schemas["Team"];
export type User = Schemas["User"];
export type UserAccountInfo = Schemas["UserAccountInfo"];
export type RoleReach = Schemas["RoleReach"];
