/**
 * Named locations below the kelurahan (a kampung, a gang, an RW), with local names and
 * aliases and optional geometry. Placed by their official kelurahan code, so scopes apply.
 */
import { type Kysely, sql } from "kysely";
import { type Database, json } from "../../../db/schema";
import { allowedActions, scopePrefix } from "../../../domain/access/roles";
import { codeDepth } from "../../../domain/areas/codes";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { AreasService } from "../areas/areas.service";
import { recordAudit } from "../audit/audit.service";
import { assertAreaInScope, changedFields } from "../scope";
import type { NamedLocation } from "./locations.schema";

type Input = {
  kelurahanCode: string;
  name: string;
  aliases: string[];
  rw?: string | null | undefined;
  rt?: string | null | undefined;
  geometry?: NamedLocation["geometry"] | undefined;
  notes: string;
};

function scoped(db: Kysely<Database>, scope: string) {
  return db
    .selectFrom("named_locations as l")
    .leftJoin("areas as a", "a.code", "l.kelurahan_code")
    .where((eb) =>
      eb.or([
        eb("l.kelurahan_code", "=", scope),
        eb("l.kelurahan_code", "like", scopePrefix(scope)),
      ]),
    )
    .select([
      "l.id",
      "l.kelurahan_code",
      "a.name as kelurahan_name",
      "l.name",
      "l.aliases",
      "l.rw",
      "l.rt",
      "l.geometry",
      "l.notes",
    ]);
}

export class LocationsService {
  private readonly areas: AreasService;

  constructor(private readonly db: Kysely<Database>) {
    this.areas = new AreasService(db);
  }

  private toLocation(
    ctx: AuthedContext,
    row: Awaited<ReturnType<ReturnType<typeof scoped>["executeTakeFirstOrThrow"]>>,
  ): NamedLocation {
    return {
      id: row.id,
      kelurahanCode: row.kelurahan_code,
      kelurahanName: row.kelurahan_name,
      name: row.name,
      aliases: row.aliases,
      rw: row.rw,
      rt: row.rt,
      geometry: (row.geometry ?? null) as NamedLocation["geometry"],
      notes: row.notes,
      actions: allowedActions(ctx.user.role, "named_location"),
    };
  }

  async list(
    ctx: AuthedContext,
    filter: { area?: string | undefined; q?: string | undefined },
    page: number,
    pageSize: number,
  ) {
    let query = scoped(this.db, ctx.user.scope);
    if (filter.area)
      query = query.where((eb) =>
        eb.or([
          eb("l.kelurahan_code", "=", filter.area!),
          eb("l.kelurahan_code", "like", scopePrefix(filter.area!)),
        ]),
      );
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`;
      query = query.where((eb) =>
        eb.or([
          eb("l.name", "ilike", pattern),
          eb(sql<string>`array_to_string(l.aliases, ' ')`, "ilike", pattern),
        ]),
      );
    }
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy("l.kelurahan_code")
      .orderBy("l.name")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((r) => this.toLocation(ctx, r)),
      total: Number(total.n),
      page,
      pageSize,
    };
  }

  async get(ctx: AuthedContext, id: string): Promise<NamedLocation> {
    const row = await scoped(this.db, ctx.user.scope).where("l.id", "=", id).executeTakeFirst();
    if (!row) throw new AppError("LOCATION_NOT_FOUND", 404, "No such named location.");
    return this.toLocation(ctx, row);
  }

  private async assertKelurahan(ctx: AuthedContext, code: string) {
    if (codeDepth(code) !== 4)
      throw new AppError("VALIDATION_FAILED", 400, "A named location lies in a kelurahan.", [
        { field: "kelurahanCode", problem: "not a kelurahan" },
      ]);
    await assertAreaInScope(this.areas, ctx, code);
  }

  async create(ctx: AuthedContext, input: Input): Promise<NamedLocation> {
    await this.assertKelurahan(ctx, input.kelurahanCode);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("named_locations")
        .values({
          kelurahan_code: input.kelurahanCode,
          name: input.name,
          aliases: input.aliases,
          rw: input.rw ?? null,
          rt: input.rt ?? null,
          geometry: input.geometry ? json(input.geometry) : null,
          notes: input.notes,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "named_location.create",
        resource: "named_location",
        recordId: id,
        changedFields: Object.keys(input).filter((k) => input[k as keyof Input] !== undefined),
      });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedContext, id: string, input: Partial<Input>): Promise<NamedLocation> {
    const current = await this.get(ctx, id);
    if (input.kelurahanCode !== undefined && input.kelurahanCode !== current.kelurahanCode)
      await this.assertKelurahan(ctx, input.kelurahanCode);
    const changed = changedFields(
      {
        ...current,
        aliases: current.aliases.join("|"),
        geometry: JSON.stringify(current.geometry),
      },
      {
        ...input,
        aliases: input.aliases?.join("|"),
        geometry: input.geometry === undefined ? undefined : JSON.stringify(input.geometry),
      },
    );
    if (changed.length === 0) return current;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("named_locations")
        .set({
          ...(input.kelurahanCode !== undefined ? { kelurahan_code: input.kelurahanCode } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.aliases !== undefined ? { aliases: input.aliases } : {}),
          ...(input.rw !== undefined ? { rw: input.rw } : {}),
          ...(input.rt !== undefined ? { rt: input.rt } : {}),
          ...(input.geometry !== undefined
            ? { geometry: input.geometry ? json(input.geometry) : null }
            : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, ctx, {
        action: "named_location.update",
        resource: "named_location",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.get(ctx, id);
  }
}
