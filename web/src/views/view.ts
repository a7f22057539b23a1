// What every view receives and gives back to the shell (main.ts).

export interface ViewContext {
  /** Aborted when the user navigates away before the view finished loading. */
  signal: AbortSignal;
  /** Updates the address bar without re-rendering (for state the view already shows). */
  replaceUrl(hash: string): void;
}

export interface RenderedView {
  title: string;
  content: Node;
  /** Called when the view is left (e.g. to stop the graph renderer). */
  dispose?: () => void;
  /** Called once the content is in the document (e.g. to size a canvas). */
  mounted?: () => void;
}
