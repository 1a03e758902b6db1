/** Which stacks a search matches, and which stacks use a component. */
import type { Stack } from "@/api/types";

/** Stacks whose name, or a component's name or flavor, contains `text` (any case). */
export function searchStacks(stacks: readonly Stack[], text: string): Stack[] {
  const wanted = text.trim().toLowerCase();
  if (wanted === "") return [...stacks];
  return stacks.filter((stack) =>
    [stack.name, ...Object.values(stack.components).flatMap((c) => [c.name, c.flavor])].some(
      (value) => value.toLowerCase().includes(wanted),
    ),
  );
}

/** The stacks a component is part of, by name. */
export function stacksUsing(stacks: readonly Stack[], componentId: string): Stack[] {
  return stacks.filter((stack) =>
    Object.values(stack.components).some((component) => component.id === componentId),
  );
}
