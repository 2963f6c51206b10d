import type { IdentityView } from './identity-view.ts';
import type { SourceName } from './synth-config.ts';

/** Where the renderers put a person's rows, local ids and identity views (for the summary). */
export interface SourceSink {
  row(source: SourceName, fields: string[]): void;
  localId(source: SourceName, id: string): void;
  view(source: SourceName, view: IdentityView, localId: string): void;
}
