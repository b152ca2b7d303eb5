// The public check of a certificate by its code.
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { certificateByCode } from '../training.repo.ts';

/** Anyone may check a certificate by its code; the answer names the seminar and the institution only. */
export async function verifyCertificate(db: Db, code: string) {
  const found = await certificateByCode(db, code.trim().toUpperCase());
  if (!found) throw new AppError('NOT_FOUND', 'no certificate with this code');
  return {
    code: found.certificate_code as string,
    seminar: found.title,
    organiser: found.organiser,
    date: found.starts_at,
    timezone: found.timezone,
    institution: found.institution,
  };
}
