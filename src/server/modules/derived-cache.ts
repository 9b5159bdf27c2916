/**
 * A cache of derived answers (aggregates, hotspots, heat layers) keyed by the version of the
 * dataset they come from. Every write to a dataset raises its version in `data_versions` in
 * the same transaction ({@link bumpDataVersion}), so a cached answer is never served after a
 * commit that changed its inputs, on this or any other server instance. Reading the version
 * is one primary-key lookup; the answer itself is computed once per version and query.
 */
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../db/schema";

export type Dataset = "incidents";

const MAX_ENTRIES = 200;

/** Raise a dataset's version; call inside the transaction that writes to it. */
export async function bumpDataVersion(trx: Kysely<Database>, dataset: Dataset): Promise<void> {
  await trx
    .updateTable("data_versions")
    .set({ version: sql`version + 1`, changed_at: sql`now()` })
    .where("name", "=", dataset)
    .execute();
}

export async function dataVersion(db: Kysely<Database>, dataset: Dataset): Promise<string> {
  const row = await db
    .selectFrom("data_versions")
    .select("version")
    .where("name", "=", dataset)
    .executeTakeFirst();
  return row?.version ?? "0";
}

class DerivedCache {
  /** Insertion order doubles as recency: a hit is moved to the end. */
  private readonly entries = new Map<string, Promise<unknown>>();

  async get<T>(
    db: Kysely<Database>,
    dataset: Dataset,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    const full = `${dataset}@${await dataVersion(db, dataset)}:${key}`;
    const hit = this.entries.get(full);
    if (hit) {
      this.entries.delete(full);
      this.entries.set(full, hit);
      return hit as Promise<T>;
    }
    const pending = compute();
    this.entries.set(full, pending);
    // A failed computation is not cached: the next request tries again.
    pending.catch(() => this.entries.delete(full));
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return pending;
  }
}

const caches = new WeakMap<Kysely<Database>, DerivedCache>();

/**
 * The answer for `key` (which must include everything the answer depends on besides the
 * dataset: scope, filters, options) at the dataset's current version.
 */
export function cachedDerived<T>(
  db: Kysely<Database>,
  dataset: Dataset,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new DerivedCache();
    caches.set(db, cache);
  }
  return cache.get(db, dataset, key, compute);
}
