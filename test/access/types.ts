/**
 * The shape of the access matrix's cases (test/integration/access-matrix.test.ts). Each part
 * of the product (Act, Treat, Know) keeps its cases and fixtures in its own file here, listed
 * in ./modules.ts, so the matrix walks every route without one shared, ever-growing file.
 */
import type { FastifyInstance, InjectOptions } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema";

export type Req = Pick<InjectOptions, "url" | "payload" | "headers">;

/** Ids of records made for the matrix; core keys plus each module's own. */
export type Fixtures = Record<string, string>;

export interface Case {
  inScope: (f: Fixtures) => Req;
  outOfScope?: (f: Fixtures) => Req;
  /** Status out of scope when allowed, if not 404 (creating outside one's scope). */
  outStatus?: number;
  /** For a list: an id that must not appear in the in-scope answer. */
  hiddenId?: (f: Fixtures) => string | undefined;
}

/** What a module's fixtures may build on. Every matrix user belongs to `orgIn` (scope 31.73). */
export interface FixtureContext {
  app: FastifyInstance;
  db: Kysely<Database>;
  /** An organisation in Jakarta Barat (31.73.01); every matrix user belongs to it. */
  orgIn: string;
  /** An organisation in Jakarta Pusat (31.71.01), outside every matrix user's scope. */
  orgOut: string;
}

export interface AccessModule {
  /** Records the cases need; keys must not clash with other modules (prefix them). */
  fixtures: (ctx: FixtureContext) => Promise<Fixtures>;
  /** Routes guarded by `config.access`, with an in-scope request that succeeds when allowed. */
  cases: Record<string, Case>;
  /** Routes open to every signed-in person, or public, with a request that succeeds. */
  openCases?: Record<string, Req>;
}
