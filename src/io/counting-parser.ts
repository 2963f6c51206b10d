import { Parser } from 'csv-parse';

export interface ParsedRecord {
  record: string[];
  /** csv-parse's line and empty-line counters when the record ended. */
  lines: number;
  emptyLines: number;
}

/**
 * csv-parse with the two counters a line number needs read as each record ends, and records handed
 * on in arrays, one per input chunk. Its own `info: true` copies a dozen counters into a new object
 * per record and the stream then moves records one at a time; together they cost more than parsing.
 */
export class CountingParser extends Parser {
  private batch: ParsedRecord[] = [];

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) {
      this.flushBatch();
      return super.push(null, encoding);
    }
    // Called by the parser as each record ends, so its counters describe this record.
    this.batch.push({ record: record as string[], lines: this.info.lines, emptyLines: this.info.empty_lines });
    return true;
  }

  private flushBatch(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    super.push(batch);
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    super._transform(chunk, encoding, (error?: Error | null) => {
      this.flushBatch();
      callback(error);
    });
  }

  override _flush(callback: (error?: Error | null) => void): void {
    super._flush((error?: Error | null) => {
      this.flushBatch();
      callback(error);
    });
  }
}
