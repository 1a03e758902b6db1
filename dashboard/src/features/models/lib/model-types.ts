/** Short names for the model control plane's generated API types (from schema.gen.ts). */
import type { components } from "@/api/schema.gen";

type Schemas = components["schemas"];

export type Model = Schemas["Model"];
export type ModelVersion = Schemas["ModelVersion"];
export type ModelStage = Schemas["ModelStage"];
export type ModelVersionLinks = Schemas["ModelVersionLinks"];
export type ModelVersionArtifact = Schemas["ModelVersionArtifact"];
export type ArtifactType = Schemas["ArtifactType"];
export type PromotionRule = Schemas["PromotionRule"];
export type StageTransition = Schemas["StageTransition"];
export type TransitionOutcome = Schemas["TransitionOutcome"];
export type TransitionTrigger = Schemas["TransitionTrigger"];
export type MetadataEntry = Schemas["MetadataEntry"];
export type ApprovalPolicy = Schemas["ApprovalPolicy"];
export type ApprovalRequest = Schemas["ApprovalRequest"];
export type ApprovalVote = Schemas["ApprovalVote"];
export type RequestStatus = Schemas["RequestStatus"];
export type RuleOperator = Schemas["RuleOperator"];
export type RuleDryRun = Schemas["RuleDryRun"];
