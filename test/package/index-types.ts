// Compile-time only (tsc --noEmit in `npm test`): the hand-written declarations in types/ must
// describe what src/index.ts exports; a change to either that breaks the match fails type-checking.
import type * as declared from '../../types/index.d.ts';
import type * as source from '../../src/index.ts';

type Matches<Declared, Source extends Declared> = Source;
export type IndexMatchesDeclarations = Matches<typeof declared, typeof source>;
export type CliIoMatches = Matches<declared.CliIo, source.CliIo> | Matches<source.CliIo, declared.CliIo>;
export type FindingMatches = Matches<declared.Finding, source.Finding> | Matches<source.Finding, declared.Finding>;
