/**
 * Key rotation: a new key joins the ring, then one transaction re-encrypts every identity
 * field and recomputes every NIK blind index under it, records it as current and audits it.
 * If anything fails, nothing changes in the database (the unused new key stays in the file).
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import type { RequestContext } from "../../context";
import { addKeyToFile, type KeySource, keyRingFor } from "../../crypto/keyring";
import { recordAudit } from "../audit/audit.service";
import { IDENTITY_COLUMNS, RehabCipher, rehabError } from "./rehab-cipher";

const BATCH = 500;

export interface RotationResult {
  fromKeyId: number;
  toKeyId: number;
  clients: number;
}

export async function rotateKeys(
  db: Kysely<Database>,
  source: KeySource,
  ctx: RequestContext,
): Promise<RotationResult> {
  const cipher = new RehabCipher(source);
  const fromKeyId = await db.transaction().execute((trx) => cipher.currentKeyId(trx));
  let toKeyId: number;
  if (source.dataKey) {
    toKeyId = keyRingFor(source, true).newestId();
    if (toKeyId <= fromKeyId)
      throw rehabError(
        "REHAB_KEY_NOT_NEW",
        400,
        `The keys come from TANGGAP_DATA_KEY and its newest key (${toKeyId}) is already current: add a new key as <id>:<base64> (keeping the old ones), then rotate.`,
      );
  } else toKeyId = addKeyToFile(source).keyId;
  const ring = cipher.ring(toKeyId);

  const clients = await db.transaction().execute(async (trx) => {
    const locked = await sql<{ current_key_id: number }>`
      select current_key_id from rehab_key_state where id = 1 for update`.execute(trx);
    if (locked.rows[0]?.current_key_id !== fromKeyId)
      throw rehabError("REHAB_ROTATION_RACE", 409, "Another rotation ran meanwhile; run it again.");
    let done = 0;
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = await trx
        .selectFrom("rehab_clients")
        .select(["id", "full_name_enc", "nik_enc", "date_of_birth_enc", "phone_enc", "address_enc"])
        .where("id", ">", after)
        .where("erased_at", "is", null)
        .orderBy("id")
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const updates = rows.map((row) => {
        const identity = cipher.decryptIdentity(row.id, row);
        const enc = cipher.encryptIdentity(toKeyId, row.id, identity);
        return {
          id: row.id,
          ...enc,
          nik_index: identity.nik ? cipher.nikIndex(toKeyId, identity.nik) : null,
        };
      });
      const columns = [...Object.values(IDENTITY_COLUMNS), "nik_index"] as const;
      const values = sql.join(
        updates.map(
          (u) =>
            sql`(${u.id}::uuid, ${sql.join(
              columns.map(
                (c) => sql`${(u as Record<string, string | null | undefined>)[c] ?? null}::text`,
              ),
            )})`,
        ),
      );
      await sql`update rehab_clients c set
          full_name_enc = v.full_name_enc, nik_enc = v.nik_enc, date_of_birth_enc = v.date_of_birth_enc,
          phone_enc = v.phone_enc, address_enc = v.address_enc, nik_index = v.nik_index,
          key_id = ${toKeyId}, updated_at = now()
        from (values ${values}) as v(id, ${sql.raw(columns.join(", "))})
        where c.id = v.id`.execute(trx);
      done += rows.length;
    }
    await trx
      .updateTable("rehab_key_state")
      .set({ current_key_id: toKeyId, updated_at: sql`now()` })
      .where("id", "=", 1)
      .execute();
    await recordAudit(trx, ctx, {
      action: "rehab_keys.rotate",
      resource: "rehab_identity",
      changedFields: [`from:${fromKeyId}`, `to:${toKeyId}`, `clients:${done}`],
    });
    return done;
  });
  void ring;
  return { fromKeyId, toKeyId, clients };
}
