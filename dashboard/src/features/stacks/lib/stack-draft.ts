/** A stack being composed in the form: one component id per type, checked before saving. */
import type { Stack, StackComponentType } from "@/api/types";
import { COMPONENT_TYPE_ORDER, COMPONENT_TYPES } from "@/features/stacks/lib/component-types";

export interface StackDraft {
  name: string;
  components: Partial<Record<StackComponentType, string>>;
}

/** As the server keeps names: 1 to 255 characters. */
const NAME_LENGTH = 255;

/** Every problem with a draft, in the words the form shows; empty when it may be saved. */
export function stackDraftProblems(draft: StackDraft): string[] {
  const problems: string[] = [];
  const name = draft.name.trim();
  if (name === "") problems.push("Give the stack a name.");
  else if (name.length > NAME_LENGTH)
    problems.push(`Keep the name within ${NAME_LENGTH} characters.`);
  for (const type of COMPONENT_TYPE_ORDER) {
    if (COMPONENT_TYPES[type].isRequired && !draft.components[type]) {
      problems.push(`A stack needs an ${COMPONENT_TYPES[type].label.toLowerCase()}.`);
    }
  }
  return problems;
}

/** The draft of an existing stack. */
export function draftOf(stack: Stack): StackDraft {
  const components: Partial<Record<StackComponentType, string>> = {};
  for (const type of COMPONENT_TYPE_ORDER) {
    const component = stack.components[type];
    if (component) components[type] = component.id;
  }
  return { name: stack.name, components };
}

/** The ids of a new stack's components, by type. */
export function createBody(draft: StackDraft): {
  name: string;
  components: Record<string, string>;
} {
  const components: Record<string, string> = {};
  for (const [type, id] of Object.entries(draft.components)) if (id) components[type] = id;
  return { name: draft.name.trim(), components };
}

/** What changed from `stack` to `draft`: a new name, components put in or taken out. */
export function updateBody(
  stack: Stack,
  draft: StackDraft,
): { name?: string; components: Record<string, string | null> } {
  const components: Record<string, string | null> = {};
  for (const type of COMPONENT_TYPE_ORDER) {
    const before = stack.components[type]?.id;
    const after = draft.components[type];
    if (before !== after) components[type] = after ?? null;
  }
  const name = draft.name.trim();
  return name === stack.name ? { components } : { name, components };
}
