import type { z } from 'zod';
import type { tokenizerSchema } from '../schema/linkage-schema.ts';

export type Tokenizer = z.infer<typeof tokenizerSchema>;

/** Padded bigrams: "ann" -> "_a", "an", "nn", "n_". The padding lets first and last letters count. */
export function bigrams(value: string): string[] {
  const padded = `_${value}_`;
  const tokens: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) tokens.push(padded.slice(i, i + 2));
  return tokens;
}

/** Each character with its position: "1990" -> "0:1", "1:9", "2:9", "3:0". A transposition costs two tokens, not all. */
export function positional(value: string): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < value.length; i++) tokens.push(`${i}:${value[i]}`);
  return tokens;
}

export function exact(value: string): string[] {
  return [value];
}

export function tokenize(tokenizer: Tokenizer, value: string): string[] {
  if (tokenizer === 'bigram') return bigrams(value);
  if (tokenizer === 'positional') return positional(value);
  return exact(value);
}
