/** Organisations at the table, each placed in an area; people see those inside their scope. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import type { OrganisationType } from "../../../domain/access/organisations";
import { allowedActions } from "../../../domain/access/roles";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { AreasService } from "../areas/areas.service";
import { recordAudit } from "../audit/audit.service";
import { assertAreaInScope, changedFields } from "../scope";
import {
  findOrganisationInScope,
  findOrganisations,
  insertOrganisation,
  updateOrganisation,
} from "./organisations.repository";
import type { Organisation } from "./organisations.schema";

type Row = {
  id: string;
  name: string;
  type: string;
  area_code: string;
  area_name: string | null;
  active: boolean;
};

export class OrganisationsService {
  private readonly areas: AreasService;

  constructor(private readonly db: Kysely<Database>) {
    this.areas = new AreasService(db);
  }

  private toOrganisation(ctx: AuthedContext, row: Row): Organisation {
    return {
      id: row.id,
      name: row.name,
      type: row.type as OrganisationType,
      areaCode: row.area_code,
      areaName: row.area_name,
      active: row.active,
      actions: allowedActions(ctx.user.role, "organisation"),
    };
  }

  async list(
    ctx: AuthedContext,
    filter: { q?: string | undefined; type?: string | undefined },
    page: number,
    pageSize: number,
  ) {
    const { total, rows } = await findOrganisations(
      this.db,
      { scope: ctx.user.scope, ...filter },
      page,
      pageSize,
    );
    return { items: rows.map((r) => this.toOrganisation(ctx, r)), total, page, pageSize };
  }

  /** One organisation; out of scope or unknown is ORGANISATION_NOT_FOUND (404). */
  async get(ctx: AuthedContext, id: string, db: Kysely<Database> = this.db): Promise<Organisation> {
    const row = await findOrganisationInScope(db, ctx.user.scope, id);
    if (!row) throw new AppError("ORGANISATION_NOT_FOUND", 404, "No such organisation.");
    return this.toOrganisation(ctx, row);
  }

  /** Names are unique across all organisations (whatever the scope): say so clearly. */
  private async assertNameFree(name: string, exceptId?: string) {
    let query = this.db
      .selectFrom("organisations")
      .select("id")
      .where(sql<string>`lower(name)`, "=", name.toLowerCase());
    if (exceptId) query = query.where("id", "!=", exceptId);
    if (await query.executeTakeFirst()) {
      throw new AppError("NAME_TAKEN", 409, "An organisation with this name exists.");
    }
  }

  async create(
    ctx: AuthedContext,
    input: { name: string; type: OrganisationType; areaCode: string },
  ) {
    await assertAreaInScope(this.areas, ctx, input.areaCode);
    await this.assertNameFree(input.name);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await insertOrganisation(trx, {
        name: input.name,
        type: input.type,
        area_code: input.areaCode,
      });
      await recordAudit(trx, ctx, {
        action: "organisation.create",
        resource: "organisation",
        recordId: id,
        changedFields: ["name", "type", "areaCode"],
      });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(
    ctx: AuthedContext,
    id: string,
    input: Partial<{ name: string; type: OrganisationType; areaCode: string; active: boolean }>,
  ) {
    const current = await this.get(ctx, id);
    if (input.areaCode !== undefined && input.areaCode !== current.areaCode) {
      await assertAreaInScope(this.areas, ctx, input.areaCode);
    }
    const changed = changedFields(current, input);
    if (changed.length === 0) return current;
    if (input.name !== undefined && input.name !== current.name)
      await this.assertNameFree(input.name, id);
    await this.db.transaction().execute(async (trx) => {
      await updateOrganisation(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.areaCode !== undefined ? { area_code: input.areaCode } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      });
      await recordAudit(trx, ctx, {
        action: "organisation.update",
        resource: "organisation",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.get(ctx, id);
  }
}
