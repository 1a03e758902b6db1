/** Which components name a service connector in their settings (`connector: NAME`). */
import type { StackComponent } from "@/api/types";

/** The components whose `connector` setting is `connectorName`. */
export function componentsUsing(
  components: readonly StackComponent[],
  connectorName: string,
): StackComponent[] {
  return components.filter((component) => component.settings.connector === connectorName);
}
