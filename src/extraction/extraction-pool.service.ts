import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import Piscina from 'piscina';
import { keptOnceLoaded } from '../common/kept-once-loaded';
import type { Environment } from '../config/environment';
import type { ExtractedClaim, ExtractOptions } from './lib/claim-extractor';
import type { ExtractedPiece, ExtractionTask } from './lib/extraction-thread';
import type { SpanAnalysis } from './lib/span-analysis';
import { chunkText, joinPieces, type TextRange } from './lib/text-chunks';

/** Small enough that one piece is well under a second of work; a typical article is one piece. */
const PIECE_CHARS = 20_000;

/**
 * Extraction runs in worker threads, never on the event loop: a long article neither stalls the process's other
 * work (health checks, BullMQ's lock renewals) nor waits for one core. The pool, and the model in each thread,
 * load on first use, so a process that never extracts never pays for them.
 */
@Injectable()
export class ExtractionPool implements OnModuleDestroy {
  private pool?: Piscina<ExtractionTask, unknown>;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  async extract(body: string, options: ExtractOptions): Promise<ExtractedClaim[]> {
    const ranges = chunkText(body, PIECE_CHARS);
    const pieces = await Promise.all(
      ranges.map((r) => this.run<ExtractedPiece>({ kind: 'extract', text: body.slice(r.start, r.end), options })),
    );
    return joinPieces(ranges, pieces);
  }

  /**
   * Reads only the piece of the body around the span, never the whole article; positions come back in the body's
   * terms, and the sentence index only where the piece starts the body (elsewhere it is not known: null).
   */
  async analyseSpan(
    body: string,
    span: TextRange,
  ): Promise<Omit<SpanAnalysis, 'sentenceIndex'> & { sentenceIndex: number | null }> {
    const ranges = chunkText(body, PIECE_CHARS);
    const first = ranges.find((r) => r.end > span.start) ?? ranges[ranges.length - 1];
    const last = ranges.find((r) => r.end >= span.end) ?? ranges[ranges.length - 1];
    const offset = first.start;
    const analysis = await this.run<SpanAnalysis>({
      kind: 'analyse-span',
      text: body.slice(offset, last.end),
      span: { start: span.start - offset, end: span.end - offset },
    });
    return {
      ...analysis,
      sentenceIndex: offset === 0 ? analysis.sentenceIndex : null,
      entities: analysis.entities.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })),
    };
  }

  /**
   * Loads the model in every thread now and keeps every thread: the worker calls it at start, so its first articles
   * do not wait a second each for a cold thread, and a quiet minute does not send threads away to be loaded again.
   */
  async warmUp(): Promise<void> {
    const threads = this.threadCount();
    this.pool ??= this.createPool(threads);
    await Promise.all(
      Array.from({ length: threads }, () => this.pool!.run({ kind: 'warm-up' } satisfies ExtractionTask)),
    );
  }

  /** The model's tuned threshold, loaded once (a failed load is tried again at the next call). */
  readonly modelThreshold = keptOnceLoaded(() => this.run<number>({ kind: 'threshold' }));

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }

  private run<T>(task: ExtractionTask): Promise<T> {
    this.pool ??= this.createPool();
    return this.pool.run(task) as Promise<T>;
  }

  private threadCount(): number {
    return this.config.get('EXTRACTION_THREADS', { infer: true }) ?? availableParallelism();
  }

  /** `keptThreads`: how many threads stay however long they idle (piscina's default otherwise: half the cores). */
  private createPool(keptThreads?: number): Piscina<ExtractionTask, unknown> {
    return new Piscina({
      filename: resolve(__dirname, 'lib/extraction-thread.js'),
      maxThreads: this.threadCount(),
      ...(keptThreads ? { minThreads: keptThreads } : {}),
      idleTimeout: 60_000,
    });
  }
}
