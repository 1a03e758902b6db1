/** Short names for the generated API types; every API shape comes from schema.gen.ts. */
import type { components } from "@/api/schema.gen";

type Schemas = components["schemas"];

export type ExecutionStatus = Schemas["ExecutionStatus"];
export type MetadataEntry = Schemas["MetadataEntry"];
export type Pipeline = Schemas["Pipeline"];
export type PipelinePage = Schemas["PipelinePage"];
export type PipelineRun = Schemas["PipelineRun"];
export type RunPage = Schemas["RunPage"];
export type RunDag = Schemas["RunDagResponse"];
/** The part of a run DAG about some step runs, to patch a drawn DAG with. */
export type RunDagPatch = Schemas["RunDag"];
export type DagStep = Schemas["DagStep"];
export type DagArtifact = Schemas["DagArtifact"];
export type DagEdge = Schemas["DagEdge"];
export type PendingStep = Schemas["PendingStep"];
export type StepRun = Schemas["StepRun"];
export type StepRunPage = Schemas["StepRunPage"];
export type LogSlice = Schemas["LogSlice"];
export type StepLogLine = Schemas["StepLogLine"];
export type StepCacheExplanation = Schemas["StepCacheExplanation"];
export type ArtifactVersion = Schemas["ArtifactVersion"];
export type Artifact = Schemas["Artifact"];
export type ArtifactLatestVersion = Schemas["ArtifactLatestVersion"];
export type TagTarget = Schemas["TagTarget"];
export type ArtifactFile = Schemas["ArtifactFile"];
export type ArtifactConsumer = Schemas["ArtifactConsumer"];
export type ArtifactConsumerPage = Schemas["ArtifactConsumerPage"];
export type Visualization = Schemas["Visualization"];
export type ErrorBody = Schemas["ErrorBody"];
export type UserPage = Schemas["UserPage"];
export type Me = Schemas["Me"];
export type ServerRole = Schemas["ServerRole"];
export type PipelineVersionChanges = Schemas["PipelineVersionChanges"];
export type PipelineVersionChangesPage = Schemas["PipelineVersionChangesPage"];
export type StructureChanges = Schemas["StructureChanges"];
export type PipelineEdge = Schemas["PipelineEdge"];
export type StepChange = Schemas["StepChange"];
export type RunReference = Schemas["RunReference"];
export type BrowserSession = Schemas["BrowserSession"];
export type Stack = Schemas["Stack"];
export type StackComponent = Schemas["StackComponent"];
export type StackComponentType = Schemas["StackComponentType"];
export type FlavorDescription = Schemas["FlavorDescription"];
export type AuditEvent = Schemas["AuditEvent"];
export type SavedView = Schemas["SavedView"];
export type SavedViewSave = Schemas["SavedViewSave"];
