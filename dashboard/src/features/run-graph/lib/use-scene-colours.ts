/** The theme's colours for drawing on canvases, read again only when the theme changes. */
import { useEffect, useState } from "react";
import { readColours, type SceneColours } from "@/features/run-graph/lib/draw-scene";

/** Read once, not on every frame: `getComputedStyle` in a drag's frames forces a style
 * recalculation each time. */
export function useSceneColours(): SceneColours {
  const [colours, setColours] = useState(() => readColours(document.documentElement));
  useEffect(() => {
    const root = document.documentElement;
    const theme = new MutationObserver(() => setColours(readColours(root)));
    theme.observe(root, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
    return () => theme.disconnect();
  }, []);
  return colours;
}
