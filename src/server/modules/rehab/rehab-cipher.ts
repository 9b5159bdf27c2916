/**
 * The registry's use of the key ring: which key is current (recorded in the database, the
 * key itself is not), encrypting and decrypting a client's identity columns, and the NIK's
 * blind index. Everything here runs inside the caller's transaction.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { normaliseNik } from "../../../domain/rehab/clients";
import {
  type KeyRing,
  KeyRingError,
  type KeySource,
  keyIdOf,
  keyRingFor,
} from "../../crypto/keyring";
import { AppError, type ErrorCode } from "../../errors";
import type { Identity } from "./rehab.schema";

/** Identity fields and their encrypted columns. */
export const IDENTITY_COLUMNS = {
  fullName: "full_name_enc",
  nik: "nik_enc",
  dateOfBirth: "date_of_birth_enc",
  phone: "phone_enc",
  address: "address_enc",
} as const;
export type IdentityColumn = (typeof IDENTITY_COLUMNS)[keyof typeof IDENTITY_COLUMNS];
type IdentityKey = keyof typeof IDENTITY_COLUMNS;
export const IDENTITY_KEYS = Object.keys(IDENTITY_COLUMNS) as IdentityKey[];

export type EncryptedIdentity = Record<IdentityColumn, string | null>;

/** An AppError with one of the registry's own codes. */
export function rehabError(code: string, status: number, message: string, details?: unknown) {
  return new AppError(code as ErrorCode, status, message, details);
}

export class RehabCipher {
  constructor(readonly source: KeySource) {}

  /** The key ring, read again from its source when it lacks `keyId` (rotated elsewhere). */
  ring(keyId?: number): KeyRing {
    let ring = keyRingFor(this.source);
    if (keyId !== undefined && !ring.has(keyId)) ring = keyRingFor(this.source, true);
    if (keyId !== undefined && !ring.has(keyId))
      throw rehabError(
        "REHAB_KEY_MISSING",
        503,
        "The encryption key for these records is not available on this server.",
      );
    return ring;
  }

  /**
   * The current key id. `lock` takes a share lock so a rotation (which locks the row for
   * update) cannot interleave with a write of identity.
   */
  async currentKeyId(trx: Kysely<Database>, lock = false): Promise<number> {
    const read = () =>
      lock
        ? sql<{
            current_key_id: number;
          }>`select current_key_id from rehab_key_state where id = 1 for share`.execute(trx)
        : sql<{
            current_key_id: number;
          }>`select current_key_id from rehab_key_state where id = 1`.execute(trx);
    let row = (await read()).rows[0];
    if (!row) {
      await trx
        .insertInto("rehab_key_state")
        .values({ id: 1, current_key_id: this.ring().newestId() })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      row = (await read()).rows[0]!;
    }
    this.ring(row.current_key_id);
    return row.current_key_id;
  }

  encryptIdentity(
    keyId: number,
    clientId: string,
    identity: Partial<Identity>,
  ): Partial<EncryptedIdentity> {
    const ring = this.ring(keyId);
    const out: Partial<EncryptedIdentity> = {};
    for (const key of IDENTITY_KEYS) {
      const value = identity[key];
      if (value === undefined) continue;
      const column = IDENTITY_COLUMNS[key];
      out[column] =
        value === null || value === ""
          ? null
          : ring.encrypt(keyId, value, { table: "rehab_clients", column, rowId: clientId });
    }
    return out;
  }

  decryptIdentity(clientId: string, row: Partial<EncryptedIdentity>): Identity {
    const identity: Identity = {
      fullName: null,
      nik: null,
      dateOfBirth: null,
      phone: null,
      address: null,
    };
    for (const key of IDENTITY_KEYS) {
      const column = IDENTITY_COLUMNS[key];
      const value = row[column];
      if (!value) continue;
      const ring = this.ring(keyIdOf(value) ?? -1);
      try {
        identity[key] = ring.decrypt(value, { table: "rehab_clients", column, rowId: clientId });
      } catch (error) {
        if (error instanceof KeyRingError || error instanceof Error)
          throw rehabError(
            "REHAB_IDENTITY_UNREADABLE",
            500,
            "A stored identity field cannot be decrypted.",
          );
        throw error;
      }
    }
    return identity;
  }

  /** The NIK's blind index under a key (null when there is no NIK). */
  nikIndex(keyId: number, nik: string | null | undefined): string | null {
    if (!nik) return null;
    const normalised = normaliseNik(nik);
    if (!normalised) throw rehabError("REHAB_NIK_MALFORMED", 400, "A NIK has 16 digits.");
    return this.ring(keyId).blindIndex(keyId, "nik", normalised);
  }
}
